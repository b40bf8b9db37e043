package server

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/server/internal/sshclient"
	gossh "golang.org/x/crypto/ssh"
)

func newKey(t *testing.T) (gossh.Signer, string) {
	t.Helper()
	s, pub, err := sshclient.NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return s, pub
}

func TestParseOperators(t *testing.T) {
	clerk, clerkPub := newKey(t)
	disp, dispPub := newKey(t)
	stranger, _ := newKey(t)
	file := "\ufeff# role      public key      name\n\n" +
		"clerk  " + clerkPub + "  فاطمة الزهراء\r\n" +
		"   # an indented comment\n" +
		"display\t" + dispPub + "\thall-projector\n"
	ops, err := ParseOperators("operators", []byte(file), "en")
	if err != nil {
		t.Fatal(err)
	}
	if ops.Len() != 2 {
		t.Fatalf("%d operators, want 2", ops.Len())
	}
	for _, c := range []struct {
		key        gossh.PublicKey
		role, name string
		line       int
		found      bool
	}{
		{clerk.PublicKey(), "clerk", "فاطمة الزهراء", 3, true},
		{disp.PublicKey(), "display", "hall-projector", 5, true},
		{stranger.PublicKey(), "", "", 0, false},
		{nil, "", "", 0, false},
	} {
		op, ok := ops.Lookup(c.key)
		if ok != c.found || op.Role != c.role || op.Name != c.name || op.Line != c.line {
			t.Errorf("Lookup = %+v, %v; want role %q name %q line %d found %v", op, ok, c.role, c.name, c.line, c.found)
		}
	}
}

func TestParseOperatorsErrors(t *testing.T) {
	_, pub := newKey(t)
	_, other := newKey(t)
	keyType, keyData, _ := strings.Cut(pub, " ")
	for _, c := range []struct {
		name, file, want string
	}{
		{"unknown role", "clerk " + pub + " a\nclark " + other + " b\n", `ops:2:1: "clark" is not a role`},
		{"role in capitals", "Clerk " + pub + " a\n", `ops:1:1: "Clerk" is not a role`},
		{"no name", "# x\nobserver " + pub + "\n", `ops:2:1: expected "ROLE KEY-TYPE KEY NAME"`},
		{"bad key", "clerk ssh-ed25519 AAAAnotakey fatima\n", "ops:1:19: not an SSH public key"},
		{"key of another type", "clerk ssh-rsa " + keyData + " fatima\n", "ops:1:7: the key says it is " + keyType + ", not ssh-rsa"},
		{"same key twice", "clerk " + pub + " fatima\n\nobserver " + pub + " karim\n", "ops:3:" + strconv.Itoa(len("observer ")+len(keyType)+2) + ": this key is already on line 1 (fatima)"},
		{"control character in name", "clerk " + pub + " fat\x1bima\n", "ops:1:" + strconv.Itoa(len("clerk ")+len(pub)+2) + ": the name contains control characters"},
		{"only comments", "# nobody yet\n\n", "ops: no operator in it"},
		{"empty", "", "ops: no operator in it"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseOperators("ops", []byte(c.file), "en")
			var fe *model.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v (%T), want a *model.FileError", err, err)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error\n  %s\nwant it to start with\n  %s", err, c.want)
			}
		})
	}
}

func TestParseOperatorsSpeaksTheLanguage(t *testing.T) {
	_, err := ParseOperators("ops", []byte("greffier x y z\n"), "fr")
	if err == nil || !strings.Contains(err.Error(), "n'est pas un rôle") {
		t.Errorf("error %v, want it in French", err)
	}
}

func TestLoadOperators(t *testing.T) {
	dir := t.TempDir()
	_, pub := newKey(t)
	t.Run("missing", func(t *testing.T) {
		_, err := LoadOperators(filepath.Join(dir, "none"), "en")
		if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "none")+": no operators file") {
			t.Errorf("error %v", err)
		}
	})
	t.Run("good", func(t *testing.T) {
		p := filepath.Join(dir, "good")
		writeFile(t, p, "clerk "+pub+" fatima\n", 0o644)
		ops, err := LoadOperators(p, "en")
		if err != nil || ops.Len() != 1 {
			t.Errorf("LoadOperators = %v, %v", ops, err)
		}
	})
}

// An edit during a sitting takes effect for the next connection; a broken
// edit keeps the operators in force and is logged.
func TestOperatorsFileReload(t *testing.T) {
	p := filepath.Join(t.TempDir(), "operators")
	fatima, fatimaPub := newKey(t)
	karim, karimPub := newKey(t)
	writeFile(t, p, "clerk "+fatimaPub+" fatima\n", 0o600)
	var logged []string
	var changes int
	f, err := openOperators(p, "en", func(key string, args ...any) { logged = append(logged, key) },
		func(old, now *Operators) { changes++ })
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f.current().Lookup(karim.PublicKey()); ok {
		t.Fatal("karim is not an operator yet")
	}
	writeFile(t, p, "clerk "+fatimaPub+" fatima\nobserver "+karimPub+" karim\n", 0o600)
	if op, ok := f.current().Lookup(karim.PublicKey()); !ok || op.Role != "observer" {
		t.Fatalf("after the edit, karim = %+v, %v", op, ok)
	}
	writeFile(t, p, "clerk "+fatimaPub+" fatima\nobserver "+karimPub+"\n", 0o600)
	if _, ok := f.current().Lookup(fatima.PublicKey()); !ok {
		t.Fatal("a broken edit dropped the operators in force")
	}
	if _, ok := f.current().Lookup(karim.PublicKey()); !ok {
		t.Fatal("a broken edit dropped karim")
	}
	if changes != 1 {
		t.Errorf("%d changes passed on, want 1 (the broken edit changes nothing)", changes)
	}
	want := []string{"server.log.reloaded", "server.log.reload_failed"}
	if strings.Join(logged, " ") != strings.Join(want, " ") {
		t.Errorf("logged %v, want %v", logged, want)
	}
}

func writeFile(t *testing.T, path, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}
