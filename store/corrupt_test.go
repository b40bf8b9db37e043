package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	mrand "math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jalsa-app/jalsa/model"
)

// fileDamage is one way a file gets damaged, applied to a copy of a database.
type fileDamage struct {
	name  string
	apply func(data []byte, rng *mrand.Rand) []byte
}

const testPageSize = 4096

// pagesOf returns the ids of the pages of data whose header says they are
// of type flags (branch, leaf, freelist, meta) where they stand.
func pagesOf(data []byte, flags uint16) []int {
	var ids []int
	for id := 0; (id+1)*testPageSize <= len(data); id++ {
		p := data[id*testPageSize:]
		if binary.NativeEndian.Uint64(p) == uint64(id) && binary.NativeEndian.Uint16(p[8:])&flags != 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

func pick(rng *mrand.Rand, ids []int) int {
	if len(ids) == 0 {
		return 2
	}
	return ids[rng.IntN(len(ids))]
}

// fileDamages are the damages of issue 11: a zeroed page, a truncated file, a
// bad overflow field, random flips in pages, and a child pointer sent
// elsewhere.
var fileDamages = []fileDamage{
	{"zeroed page", func(d []byte, rng *mrand.Rand) []byte {
		id := pick(rng, pagesOf(d, flagBranch|flagLeaf|flagFreelist))
		clear(d[id*testPageSize : (id+1)*testPageSize])
		return d
	}},
	{"truncated", func(d []byte, rng *mrand.Rand) []byte {
		return d[:rng.IntN(len(d))]
	}},
	{"bad overflow", func(d []byte, rng *mrand.Rand) []byte {
		id := pick(rng, pagesOf(d, flagBranch|flagLeaf|flagFreelist))
		binary.NativeEndian.PutUint32(d[id*testPageSize+12:], rng.Uint32()|1<<20)
		return d
	}},
	{"page flips", func(d []byte, rng *mrand.Rand) []byte {
		id := pick(rng, pagesOf(d, flagBranch|flagLeaf|flagFreelist|flagMeta))
		for range 1 + rng.IntN(16) {
			d[id*testPageSize+rng.IntN(testPageSize)] ^= byte(1 + rng.IntN(255))
		}
		return d
	}},
	{"header flips", func(d []byte, rng *mrand.Rand) []byte {
		id := pick(rng, pagesOf(d, flagBranch|flagLeaf))
		d[id*testPageSize+rng.IntN(16)] ^= byte(1 + rng.IntN(255))
		return d
	}},
	{"child elsewhere", func(d []byte, rng *mrand.Rand) []byte {
		id := pick(rng, pagesOf(d, flagBranch))
		p := d[id*testPageSize:]
		if n := int(binary.NativeEndian.Uint16(p[10:])); n > 0 {
			binary.NativeEndian.PutUint64(p[pageHeader+rng.IntN(n)*elementSize+8:], uint64(rng.IntN(len(d)/testPageSize+3)))
		}
		return d
	}},
	{"element flips", func(d []byte, rng *mrand.Rand) []byte {
		id := pick(rng, pagesOf(d, flagLeaf))
		p := d[id*testPageSize:]
		if n := int(binary.NativeEndian.Uint16(p[10:])); n > 0 {
			e := pageHeader + rng.IntN(n)*elementSize
			binary.NativeEndian.PutUint32(p[e+4*rng.IntN(4):], rng.Uint32())
		}
		return d
	}},
}

// verifyBaseline is what the runtime holds whatever the file.
const verifyBaseline = 32 << 20

// corruptCommands are run on every damaged copy, as a user would.
var corruptCommands = [][]string{
	{"sessions"}, {"status", sid}, {"show", "2024-06/1"}, {"decisions", "budget"}, {"minutes", "2024-06"},
	{"export"}, {"verify"}, {"backup", "copy.db"}, {"item", sid, "2", "note", "after the damage"},
}

// TestCorruptFiles is the corrupt-file fuzzer of issue 11 over the real
// binary: copies of a real database, each damaged one way, and every
// command run on each. A command may work (exit 0) or refuse; it may never
// panic, fault, hang, print a stack trace or say more than one line, and
// verify stays within about twice the file's size in memory.
// $JALSA_CORRUPT_CASES sets how many damaged copies are tried.
func TestCorruptFiles(t *testing.T) {
	cases := 70
	if testing.Short() {
		cases = 14
	}
	if s := os.Getenv("JALSA_CORRUPT_CASES"); s != "" {
		fmt.Sscan(s, &cases)
	}
	bin := jalsaBinary(t)
	dir := t.TempDir()
	tmpl := filepath.Join(dir, "template.db")
	current := "the template"
	// run runs jalsa on db and returns its exit code, output and the most
	// memory it held (polled: its rusage would count this process's own).
	run := func(db string, args ...string) (int, string, string, int64) {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, append([]string{"--db", db, "--lang", "en"}, args...)...)
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + dir, "LANG=C.UTF-8"}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		peak := peakMemory(cmd.Process.Pid)
		cmd.Wait()
		if ctx.Err() != nil {
			keep := filepath.Join(os.TempDir(), "jalsa-hung.db")
			data, _ := os.ReadFile(db)
			os.WriteFile(keep, data, 0o600)
			t.Fatalf("%s: jalsa %v hung on a damaged file (kept as %s)", current, args, keep)
		}
		return cmd.ProcessState.ExitCode(), out.String(), errb.String(), peak
	}
	if code, _, errs, _ := run(tmpl, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	for _, args := range [][]string{{"open", sid}, {"attend", sid, "--present", "all"}, {"item", sid, "1", "start"},
		{"item", sid, "1", "note", "a note"}, {"vote", sid, "1", "--for", "60", "--against", "2", "--abstain", "0"}} {
		if code, _, errs, _ := run(tmpl, args...); code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
	}
	template, err := os.ReadFile(tmpl)
	if err != nil {
		t.Fatal(err)
	}

	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("JALSA_CORRUPT_SEED"); s != "" {
		fmt.Sscan(s, &seed)
	}
	t.Logf("seed %d ($JALSA_CORRUPT_SEED replays it)", seed)
	rng := mrand.New(mrand.NewPCG(seed, 11))
	runs, crashes, damagedSaid, worst := 0, 0, 0, int64(0)
	for i := range cases {
		d := fileDamages[i%len(fileDamages)]
		current = fmt.Sprintf("case %d (%s)", i, d.name)
		data := d.apply(bytes.Clone(template), rng)
		db := filepath.Join(dir, fmt.Sprintf("case%d.db", i))
		if err := os.WriteFile(db, data, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, args := range corruptCommands {
			code, _, errs, peak := run(db, args...)
			runs++
			what := fmt.Sprintf("case %d (%s), jalsa %s", i, d.name, strings.Join(args, " "))
			if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic") || strings.Contains(errs, "SIGBUS") || strings.Contains(errs, "fatal error") {
				t.Errorf("%s: crashed: %.600s", what, errs)
				crashes++
				continue
			}
			switch {
			case code == 0:
			case code == 1 || code == 3 || code == 4:
				if !strings.HasPrefix(errs, "jalsa: ") || strings.Count(errs, "\n") != 1 {
					t.Errorf("%s: exit %d with %q; want one line", what, code, errs)
				}
				if strings.Contains(errs, "is damaged (") {
					damagedSaid++
				}
			default:
				t.Errorf("%s: exit %d: %s", what, code, errs)
			}
			if args[0] == "verify" {
				// Twice the file, beside the runtime's own tens of megabytes:
				// a damaged file must not make verify take more.
				worst = max(worst, peak)
				if peak > 2*int64(len(template))+verifyBaseline {
					keep := filepath.Join(os.TempDir(), "jalsa-verify-memory.db")
					os.WriteFile(keep, data, 0o600)
					t.Errorf("%s: verify held %d kB; kept as %s", what, peak/1024, keep)
				}
				// A flipped schema may read as a newer one: exit 3 says so.
				if code != 0 && code != 1 && !(code == 3 && strings.Contains(errs, "newer jalsa")) {
					t.Errorf("%s: verify exit %d, want 0 or 1", what, code)
				}
			}
		}
		os.Remove(db)
	}
	t.Logf("%d damaged copies, %d commands run, %d crashed; %d refusals said the database is damaged; verify held at most %d kB for a file of %d kB",
		cases, runs, crashes, damagedSaid, worst/1024, len(template)/1024)
}

// FuzzCorruptFile damages a real database at fuzzed places and reads it
// in this process, through every operation of the store a command uses:
// no fault or panic may escape the store, and an error is one the store
// names (a DamagedError, a verification failure, a refusal). The file is
// opened as verify opens it, its pages checked first: a cycle of pages,
// which loops rather than panics, is for that check (and, in a command,
// for the watchdog) to catch, and TestCorruptFiles tries the commands.
func FuzzCorruptFile(f *testing.F) {
	f.Add(uint8(0), uint32(5), uint32(0), uint8(0))
	f.Add(uint8(1), uint32(70000), uint32(0), uint8(0))
	f.Add(uint8(2), uint32(7), uint32(1<<30), uint8(0))
	f.Add(uint8(3), uint32(9*testPageSize+40), uint32(0), uint8(0x55))
	f.Add(uint8(4), uint32(3*testPageSize+24), uint32(999), uint8(0))
	dir := f.TempDir()
	tmpl := filepath.Join(dir, "t.db")
	st, err := Open(tmpl, Options{})
	if err != nil {
		f.Fatal(err)
	}
	for _, cmd := range []model.Command{demoInit(f), &model.OpenCmd{Session: sid, Call: 1},
		&model.AttendCmd{Session: sid, Present: []string{"all"}}, &model.ItemCmd{Session: sid, N: 1, Action: model.ActStart},
		&model.VoteCmd{Session: sid, N: 1, For: 60, Against: 3}} {
		if _, err := st.Do("clerk", cmd); err != nil {
			f.Fatal(err)
		}
	}
	st.Close()
	template, err := os.ReadFile(tmpl)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, kind uint8, at, value uint32, flip uint8) {
		data := bytes.Clone(template)
		switch kind % 5 {
		case 0: // zero a page
			id := int(at) % (len(data) / testPageSize)
			clear(data[id*testPageSize : (id+1)*testPageSize])
		case 1: // truncate
			data = data[:int(at)%len(data)]
		case 2: // overflow field
			id := int(at) % (len(data) / testPageSize)
			binary.NativeEndian.PutUint32(data[id*testPageSize+12:], value)
		case 3: // flip a byte
			data[int(at)%len(data)] ^= flip | 1
		case 4: // write a word
			off := int(at) % (len(data) - 8)
			binary.NativeEndian.PutUint64(data[off:], uint64(value))
		}
		db := filepath.Join(t.TempDir(), "d.db")
		if err := os.WriteFile(db, data, 0o600); err != nil {
			t.Fatal(err)
		}
		st, err := Open(db, Options{MustExist: true, Check: true})
		if err != nil {
			expectNamed(t, err)
			return
		}
		defer func() { expectNamed(t, st.Close()) }()
		st.Read(func(*model.State) {})
		expectNamed(t, st.Events(func(model.Event) error { return nil }))
		expectNamed(t, st.Export(&bytes.Buffer{}))
		_, err = st.Verify()
		expectNamed(t, err)
		_, _, err = st.Recorded(NewRequestID())
		expectNamed(t, err)
		_, err = st.Do("clerk", &model.ItemCmd{Session: sid, N: 2, Action: model.ActNote, Text: "after"})
		expectNamed(t, err)
	})
}

// expectNamed accepts no error or one the store names.
func expectNamed(t *testing.T, err error) {
	t.Helper()
	var d *DamagedError
	var v *VerifyError
	var m *model.Error
	var e *model.EventError
	if err == nil || errors.As(err, &d) || errors.As(err, &v) || errors.As(err, &m) || errors.As(err, &e) {
		return
	}
	if strings.HasPrefix(err.Error(), "write ") || strings.HasPrefix(err.Error(), "index ") || strings.HasPrefix(err.Error(), "open ") {
		return
	}
	t.Errorf("an error the store does not name: %T %v", err, err)
}
