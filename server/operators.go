package server

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	gossh "golang.org/x/crypto/ssh"
)

// Operator is one line of the operators file: a person or a screen allowed
// to connect, the key it proves, its role and the name its events carry.
type Operator struct {
	Role string
	Key  gossh.PublicKey
	Name string
	// Line is where the operator is declared, for messages.
	Line int
}

// Operators are the operators of one file, found by key.
type Operators struct {
	byKey map[string]Operator
}

// Lookup returns the operator whose key is k.
func (o *Operators) Lookup(k gossh.PublicKey) (Operator, bool) {
	if k == nil {
		return Operator{}, false
	}
	op, ok := o.byKey[string(k.Marshal())]
	return op, ok
}

// Len is the number of operators.
func (o *Operators) Len() int { return len(o.byKey) }

// roles are the roles of SPEC §7.
var roles = map[string]bool{model.RoleClerk: true, model.RoleObserver: true, model.RoleDisplay: true}

// ParseOperators reads an operators file (SPEC §7): one "ROLE KEY-TYPE KEY
// NAME" line per operator, blank lines and # comments ignored. name is the
// file name used in errors and lang their language. The first error is
// returned as a *model.FileError naming the line and column, so the server
// refuses to start rather than lock everyone out later (wish's own
// authorized-keys check rejects every key once one line is bad).
func ParseOperators(name string, data []byte, lang string) (*Operators, error) {
	ops := &Operators{byKey: map[string]Operator{}}
	fail := func(line, col int, key string, args ...any) error {
		return &model.FileError{File: name, Line: line, Col: col, Msg: i18n.T(lang, key, args...)}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for i, raw := range strings.Split(string(data), "\n") {
		n := i + 1
		f, cols := fieldsAt(raw)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if !roles[f[0]] {
			return nil, fail(n, cols[0], "server.op_role", f[0])
		}
		if len(f) < 4 {
			return nil, fail(n, cols[0], "server.op_fields")
		}
		key, err := parseKey(f[2])
		if err != nil {
			return nil, fail(n, cols[2], "server.op_key", err.Error())
		}
		if key.Type() != f[1] {
			return nil, fail(n, cols[1], "server.op_key_type", key.Type(), f[1])
		}
		op := Operator{Role: f[0], Key: key, Name: strings.Join(f[3:], " "), Line: n}
		if strings.IndexFunc(op.Name, unicode.IsControl) >= 0 {
			return nil, fail(n, cols[3], "server.op_name")
		}
		if prev, dup := ops.byKey[string(key.Marshal())]; dup {
			return nil, fail(n, cols[2], "server.op_dup", prev.Line, prev.Name)
		}
		ops.byKey[string(key.Marshal())] = op
	}
	if ops.Len() == 0 {
		return nil, fail(0, 0, "server.op_none")
	}
	return ops, nil
}

// LoadOperators reads the operators file at path. A missing file is an
// error, and so is one that another user could change (they could make
// themselves clerks): as OpenSSH's StrictModes requires, the file and its
// directory must belong to the server's user or root and be writable by
// no one else, group included.
func LoadOperators(path, lang string) (*Operators, error) {
	fail := func(key string, args ...any) error {
		return &model.FileError{File: path, Msg: i18n.T(lang, key, args...)}
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fail("server.op_missing")
	}
	if err != nil {
		return nil, fail("server.op_unreadable", err)
	}
	defer f.Close()
	// The opened file is the one checked and read, whatever replaces the
	// name meanwhile.
	fi, err := f.Stat()
	if err != nil {
		return nil, fail("server.op_unreadable", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fail("server.op_unreadable", fi.Mode().Type())
	}
	if err := strictModes(fi, ""); err != nil {
		return nil, fail(err.key, err.args...)
	}
	dirs := []string{filepath.Dir(path)}
	if real, err := filepath.EvalSymlinks(path); err == nil && filepath.Dir(real) != dirs[0] {
		dirs = append(dirs, filepath.Dir(real))
	}
	for _, d := range dirs {
		di, err := os.Stat(d)
		if err != nil {
			return nil, fail("server.op_unreadable", err)
		}
		if err := strictModes(di, d); err != nil {
			return nil, fail(err.key, err.args...)
		}
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fail("server.op_unreadable", err)
	}
	return ParseOperators(path, data, lang)
}

// strictError is what strictModes found, as a message key and arguments.
type strictError struct {
	key  string
	args []any
}

// strictModes checks that fi (the operators file, or its directory dir)
// belongs to the server's user or root and that no one else may write to
// it.
func strictModes(fi fs.FileInfo, dir string) *strictError {
	me := os.Geteuid()
	if uid, ok := fileUID(fi); ok && uid != me && uid != 0 {
		owner, self := userName(uid), userName(me)
		if dir != "" {
			return &strictError{"server.op_dir_owner", []any{dir, owner, self}}
		}
		return &strictError{"server.op_owner", []any{owner, self}}
	}
	if perm := fi.Mode().Perm(); perm&0o022 != 0 {
		if dir != "" {
			return &strictError{"server.op_dir_writable", []any{dir, perm}}
		}
		return &strictError{"server.op_writable", []any{perm}}
	}
	return nil
}

// userName names the user of uid ("uid 1234" if it has no name).
func userName(uid int) string {
	if u, err := user.LookupId(strconv.Itoa(uid)); err == nil {
		return u.Username
	}
	return "uid " + strconv.Itoa(uid)
}

// parseKey reads the base64 part of an authorized_keys line.
func parseKey(b64 string) (gossh.PublicKey, error) {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, err
	}
	return gossh.ParsePublicKey(raw)
}

// fieldsAt splits s at blanks like strings.Fields and also returns the
// 1-based column (in characters) where each field starts.
func fieldsAt(s string) ([]string, []int) {
	var fields []string
	var cols []int
	start, col := -1, 0
	for i, r := range s {
		col++
		if unicode.IsSpace(r) {
			if start >= 0 {
				fields = append(fields, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
			cols = append(cols, col)
		}
	}
	if start >= 0 {
		fields = append(fields, s[start:])
	}
	return fields, cols
}

// operatorsFile is the operators file of a running server. It is read again
// when it changes, so an operator can be added during a sitting without
// restarting the server (which would disconnect every screen); an edit that
// breaks it, or that StrictModes refuses, is logged and the previous
// operators stay in force. A change that takes a key away or changes its
// role or name is passed to changed, which ends that key's sessions.
type operatorsFile struct {
	path, lang string
	log        func(key string, args ...any)
	changed    func(old, now *Operators)

	mu    sync.Mutex
	ops   *Operators
	stamp fileStamp
}

func openOperators(path, lang string, log func(string, ...any), changed func(old, now *Operators)) (*operatorsFile, error) {
	// Stamp first: an edit between the two shows as a change next time.
	stamp := stampOf(path)
	ops, err := LoadOperators(path, lang)
	if err != nil {
		return nil, err
	}
	return &operatorsFile{path: path, lang: lang, log: log, changed: changed, ops: ops, stamp: stamp}, nil
}

// current returns the operators, reading the file again if it changed.
func (f *operatorsFile) current() *Operators {
	f.mu.Lock()
	defer f.mu.Unlock()
	stamp := stampOf(f.path)
	if stamp == f.stamp {
		return f.ops
	}
	f.stamp = stamp
	ops, err := LoadOperators(f.path, f.lang)
	if err != nil {
		f.log("server.log.reload_failed", err)
		return f.ops
	}
	old := f.ops
	f.ops = ops
	f.log("server.log.reloaded", ops.Len())
	if f.changed != nil {
		f.changed(old, ops)
	}
	return f.ops
}
