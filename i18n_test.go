package main

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"

	// Every package that registers wording, so that the catalog is whole.
	"github.com/jalsa-app/jalsa/cli"
	_ "github.com/jalsa-app/jalsa/demo"
	_ "github.com/jalsa-app/jalsa/model"
	_ "github.com/jalsa-app/jalsa/report"
	_ "github.com/jalsa-app/jalsa/search"
	_ "github.com/jalsa-app/jalsa/server"
	_ "github.com/jalsa-app/jalsa/store"
	_ "github.com/jalsa-app/jalsa/tui"
)

// Every registered message has its Arabic, French and English, with the
// same arguments in each.
func TestCatalogComplete(t *testing.T) {
	loadHelpWording()
	i18n.CheckCatalog(t)
}

// labelWords are the words that may follow a number in a message that is
// not counted (i18n.RegisterCounted): the number is an identifier ("item
// %d is"), a tally label ("%d for", «%d مع») or a bound ("1 to %d"), and
// what follows is a verb, a preposition or such a label, never a noun
// whose form depends on the number.
var labelWords = map[string]bool{
	// English
	"for": true, "against": true, "is": true, "has": true, "was": true, "takes": true, "does": true,
	"differs": true, "already": true, "corrected": true, "deferred": true, "ended": true, "opened": true,
	"withdrawn": true, "under": true, "waiting": true, "required": true, "to": true, "of": true,
	"on": true, "in": true, "from": true, "x": true, "are": true, "present": true, "h": true,
	"added": true, "changed": true, "removed": true,
	// Units, the same for any number
	"MiB": true, "Mio": true, "ميغابايت": true,
	// jalsa's own commands, quoted in a message ("jalsa budget S 11 import FILE")
	"import": true,
	// French
	"pour": true, "contre": true, "est": true, "a": true, "n": true, "ne": true, "dit": true, "du": true,
	"de": true, "dans": true, "au": true, "à": true, "en": true, "diffère": true, "requis": true,
	"dépasse": true, "sur": true, "corrigée": true, "ouverte": true, "reporté": true, "retiré": true, "retirée": true, "terminé": true,
	"ajouté": true, "modifié": true,
	// Arabic
	"مع": true, "ضد": true, "إلى": true, "على": true, "في": true, "من": true, "لا": true, "لـ": true,
	"ليس": true, "ليست": true, "ما": true, "تقول": true, "تستلزم": true, "جارية": true, "منتهية": true,
	"وهذا": true, "أكثر": true, "أكبر": true, "يخالف": true,
}

// No message writes a count before a noun frozen in one form («%d مقررا»
// for 1, 2 and 100 alike, "1 seats"): a number followed by a word is the
// count of a counted message, whose form follows the number, unless the
// word is one of labelWords. A counted message counts one argument: any
// other number in its forms is held to the same rule. The scan covers
// every catalog (i18n, model, store, cli, server, tui, report): a new
// "%d decisions" anywhere fails here until it is counted.
func TestNoFrozenCount(t *testing.T) {
	loadHelpWording()
	checked := 0
	for _, k := range i18n.Keys() {
		var forms []string
		countArg := 0 // the argument a counted message's form follows
		if c, ok := i18n.LookupCounted(k); ok {
			countArg = c.Arg
			for _, f := range []i18n.Forms{c.En, c.Fr, c.Ar} {
				forms = append(forms, f.Zero, f.One, f.Two, f.Few, f.Many, f.Other)
			}
		} else {
			tx, _ := i18n.Lookup(k)
			forms = []string{tx.En, tx.Fr, tx.Ar}
		}
		for _, s := range forms {
			for _, n := range numbersBeforeWords(s) {
				checked++
				if n.arg != countArg && !labelWords[n.word] {
					t.Errorf("%s: %q writes a number before %q in one form for every count: register it with i18n.RegisterCounted, counting that argument (or, if %q is no noun, add it to labelWords)", k, s, n.word, n.word)
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d numbers followed by a word: the scan lost them", checked)
	}
}

// A frozen count is found whatever the verb's flags, width or explicit
// index, and only a %d's argument is taken for a number.
func TestNumbersBeforeWords(t *testing.T) {
	for _, c := range []struct {
		s    string
		want []numberWord
	}{
		{"%d decisions", []numberWord{{1, "decisions"}}},
		{"%s has %d\u00a0seats and %[1]d rows", []numberWord{{2, "seats"}, {1, "rows"}}},
		{"100%% of %q: %3d lignes", []numberWord{{2, "lignes"}}},
		{"%d, %d.", nil},
		{"%[2]s %[1]d مقررا", []numberWord{{1, "مقررا"}}},
	} {
		got := numbersBeforeWords(c.s)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %v, want %v", c.s, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: got %v, want %v", c.s, got, c.want)
			}
		}
	}
}

// numberWord is a %d verb followed by a word: the argument it writes
// (from 1) and the word.
type numberWord struct {
	arg  int
	word string
}

var (
	verb     = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z%])`)
	nextWord = regexp.MustCompile(`^[ \x{00a0}\x{202f}]*(\p{L}+)`)
)

// numbersBeforeWords lists the %d verbs of a format that a word follows,
// numbering the arguments as fmt does.
func numbersBeforeWords(s string) []numberWord {
	var out []numberWord
	next := 1
	for _, m := range verb.FindAllStringSubmatchIndex(s, -1) {
		if s[m[4]:m[5]] == "%" {
			continue
		}
		arg := next
		if m[2] >= 0 {
			arg, _ = strconv.Atoi(s[m[2]:m[3]])
		}
		next = arg + 1
		if s[m[4]:m[5]] != "d" {
			continue
		}
		if w := nextWord.FindStringSubmatch(s[m[1]:]); w != nil {
			out = append(out, numberWord{arg, w[1]})
		}
	}
	return out
}

// loadHelpWording shows jalsa's help once: the wording of help, flags and
// examples is registered when help is first shown, not at start-up.
func loadHelpWording() {
	cli.Run(context.Background(), &cli.Env{Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }}, []string{"help"})
}

// Every message key written in the code is registered. The wording helpers
// are found, not listed: a function is one when it has a `key string`
// parameter that it hands, possibly after a literal prefix, to i18n.T or to
// another helper at its key position, or puts in a composite literal (the
// model's errors: Refused, Usage…). Each call of a helper with a literal key
// ("err.no_quorum") must name a registered key, and one with a literal
// prefix ("outcome."+o) must name a prefix of some registered key.
func TestEveryKeyInTheCodeIsRegistered(t *testing.T) {
	loadHelpWording()
	files := parseModule(t)
	helpers := findHelpers(files)
	if h := helpers[helperID{"i18n", "Refused"}]; h != nil {
		t.Fatal("the scan mixed up packages")
	}
	for _, want := range []helperID{{"model", "Refused"}, {"model", "Usage"}, {"tui", "T"}, {"report", "T"}, {"report", "Gendered"}} {
		if helpers[want] == nil {
			t.Errorf("the scan did not find the helper %s.%s: fix the scan", want.pkg, want.name)
		}
	}
	keys := i18n.Keys()
	registered := map[string]bool{}
	for _, k := range keys {
		registered[k] = true
	}
	checked := 0
	for _, f := range files {
		ast.Inspect(f.ast, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			h := f.resolve(call, helpers)
			if h == nil || h.index >= len(call.Args) {
				return true
			}
			pos := f.fset.Position(call.Pos())
			switch lit, prefix := literalKey(call.Args[h.index]); {
			case lit != "":
				checked++
				if k := h.prefix + lit; !registered[k] {
					t.Errorf("%s: key %q is not registered in ar, fr and en", pos, k)
				}
			case prefix != "":
				checked++
				p := h.prefix + prefix
				found := false
				for _, k := range keys {
					found = found || strings.HasPrefix(k, p)
				}
				if !found {
					t.Errorf("%s: no registered key starts with %q", pos, p)
				}
			}
			return true
		})
	}
	if checked < 300 {
		t.Errorf("only %d keys checked: the scan lost the helpers", checked)
	}
}

// srcFile is one parsed source file of the module.
type srcFile struct {
	fset    *token.FileSet
	ast     *ast.File
	pkg     string            // directory's last element: i18n, model, tui…
	imports map[string]string // local name → last element of the import path
	// closures are the helpers declared as local functions, by enclosing
	// function.
	closures map[*ast.FuncDecl]map[string]*helper
}

type helperID struct{ pkg, name string }

// helper is a function that says a message key: the key is its argument
// at index, said with prefix in front.
type helper struct {
	index  int
	prefix string
}

func parseModule(t *testing.T) []*srcFile {
	t.Helper()
	var files []*srcFile
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		sf := &srcFile{fset: fset, ast: f, pkg: filepath.Base(filepath.Dir(path)), imports: map[string]string{},
			closures: map[*ast.FuncDecl]map[string]*helper{}}
		if filepath.Dir(path) == "." {
			sf.pkg = "main"
		}
		for _, im := range f.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			name := filepath.Base(p)
			if im.Name != nil {
				name = im.Name.Name
			}
			sf.imports[name] = filepath.Base(p)
		}
		files = append(files, sf)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found %d source files: run from the module root", len(files))
	}
	return files
}

// keyParam returns the index of a `key string` parameter, or -1.
func keyParam(ft *ast.FuncType) int {
	i := 0
	for _, field := range ft.Params.List {
		for _, name := range field.Names {
			if id, ok := field.Type.(*ast.Ident); ok && id.Name == "string" && name.Name == "key" {
				return i
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	return -1
}

// findHelpers finds the wording helpers, to a fixed point from i18n.T.
func findHelpers(files []*srcFile) map[helperID]*helper {
	helpers := map[helperID]*helper{{"i18n", "T"}: {index: 1}}
	type candidate struct {
		f     *srcFile
		id    helperID
		index int
		body  *ast.BlockStmt
		decl  *ast.FuncDecl // enclosing declaration of a local function
	}
	var cands []candidate
	for _, f := range files {
		for _, d := range f.ast.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if i := keyParam(fd.Type); i >= 0 && !(f.pkg == "i18n" && fd.Name.Name == "T") {
				cands = append(cands, candidate{f, helperID{f.pkg, fd.Name.Name}, i, fd.Body, nil})
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
					return true
				}
				lit, ok1 := as.Rhs[0].(*ast.FuncLit)
				id, ok2 := as.Lhs[0].(*ast.Ident)
				if ok1 && ok2 {
					if i := keyParam(lit.Type); i >= 0 {
						cands = append(cands, candidate{f, helperID{f.pkg, id.Name}, i, lit.Body, fd})
					}
				}
				return true
			})
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range cands {
			if c.decl == nil && helpers[c.id] != nil || c.decl != nil && c.f.closures[c.decl][c.id.name] != nil {
				continue
			}
			var found *helper
			ast.Inspect(c.body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					for _, e := range n.Elts {
						if kv, ok := e.(*ast.KeyValueExpr); ok {
							e = kv.Value
						}
						if id, ok := e.(*ast.Ident); ok && id.Name == "key" {
							found = &helper{index: c.index}
						}
					}
				case *ast.CallExpr:
					h := c.f.resolve(n, helpers)
					if h == nil || h.index >= len(n.Args) {
						return true
					}
					if p, ok := keyExpr(n.Args[h.index]); ok {
						found = &helper{index: c.index, prefix: h.prefix + p}
					}
				}
				return found == nil
			})
			if found == nil {
				continue
			}
			changed = true
			if c.decl == nil {
				helpers[c.id] = found
			} else {
				if c.f.closures[c.decl] == nil {
					c.f.closures[c.decl] = map[string]*helper{}
				}
				c.f.closures[c.decl][c.id.name] = found
			}
		}
	}
	return helpers
}

// keyExpr reports an argument that is the key parameter itself, or a
// literal prefix + key, with the prefix.
func keyExpr(e ast.Expr) (string, bool) {
	if id, ok := e.(*ast.Ident); ok && id.Name == "key" {
		return "", true
	}
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		if lit, ok := b.X.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			if id, ok := b.Y.(*ast.Ident); ok && id.Name == "key" {
				s, _ := strconv.Unquote(lit.Value)
				return s, true
			}
		}
	}
	return "", false
}

// literalKey returns a literal key ("err.x"), or the literal prefix of a
// key built at run time ("outcome." + o).
func literalKey(e ast.Expr) (key, prefix string) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, _ := strconv.Unquote(e.Value)
			return s, ""
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			if k, p := literalKey(e.X); k != "" || p != "" {
				return "", k + p
			}
		}
	}
	return "", ""
}

// resolve finds the helper a call calls: a package's function (i18n.T,
// model.Refused), a function or method of the file's own package by name
// (c.T, usageError), or a local function of the enclosing declaration.
func (f *srcFile) resolve(call *ast.CallExpr, helpers map[helperID]*helper) *helper {
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok && x.Obj == nil {
			if pkg, ok := f.imports[x.Name]; ok {
				return helpers[helperID{pkg, fn.Sel.Name}]
			}
		}
		return helpers[helperID{f.pkg, fn.Sel.Name}]
	case *ast.Ident:
		for decl, local := range f.closures {
			if h := local[fn.Name]; h != nil && decl.Pos() <= call.Pos() && call.End() <= decl.End() {
				return h
			}
		}
		return helpers[helperID{f.pkg, fn.Name}]
	}
	return nil
}
