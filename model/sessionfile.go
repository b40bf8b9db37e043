package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jalsa-app/jalsa/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// FileError is an error in a session file (SPEC §3). It names the file, the
// line and column of the offending node (both 1-based; Col is 0 when the YAML
// parser gives only a line, Line is 0 when it gives neither) and the field
// path, e.g. "agenda[3].kind" or "body.rules.quorum[2]". List indexes in the
// path count from 1, like agenda items. The command line reports it as a
// usage error (exit 2).
//
// The message is Key with Args, said in the reader's language by In (an
// argument that is a Phrase is said in that language too), or Msg as it is
// when Key is empty, for callers that say it themselves.
type FileError struct {
	File  string
	Line  int
	Col   int
	Field string
	Msg   string
	Key   string
	Args  []any
}

// Phrase is a part of a message that is itself said in the reader's
// language, such as what a YAML node is ("a list"); with no Key it is Text
// as it is (a value quoted from the file).
type Phrase struct {
	Key  string
	Args []any
	Text string
}

// In says the phrase in lang.
func (p Phrase) In(lang string) string {
	if p.Key == "" {
		return p.Text
	}
	return i18n.T(lang, p.Key, sayArgs(lang, p.Args)...)
}

// Error writes the error in English: see In.
func (e *FileError) Error() string { return e.In("en") }

// In writes "FILE:LINE:COL: FIELD: MSG" in lang, leaving out the parts that
// are unknown, e.g.
//
//	session.yaml:14:7: agenda[3].kind: "agrement" is not one of procedural, minutes, report, agreement, regulation, budget, other
func (e *FileError) In(lang string) string {
	var b strings.Builder
	b.WriteString(Where(e.File, e.Line, e.Col, e.Field))
	if e.Key == "" {
		b.WriteString(e.Msg)
		return b.String()
	}
	b.WriteString(i18n.T(lang, e.Key, sayArgs(lang, e.Args)...))
	return b.String()
}

// LoadSessionFile reads a session file (SPEC §3) and returns the command that
// creates its body, members and session. name is the file name used in error
// messages. Every field is checked and the error that comes first in the
// file is returned, as a *FileError; a missing field is placed at the start
// of the mapping that lacks it and is reported only when nothing else is
// wrong. Checks across sections (the chair and the secretary are members,
// seats cover the members, a quorum figure fits the seats) run only once
// everything else is valid.
//
// Defaults: body.language "ar", body.seats the number of members,
// body.rules the DefaultRules (each of quorum, majority and tie separately),
// session.kind "ordinary", an item votes per its kind unless `vote:` says
// otherwise, a budget item has `vote: lines` and `balanced: true`.
//
// Identifiers (body, session, member ids and budget line codes) are 1 to 64
// characters of [A-Za-z0-9._-] starting with a letter or digit; a member id
// may not be "all", which the command line reserves. Texts are stored in NFC;
// one-line fields (names, titles, labels) are trimmed and may not hold control
// characters. YAML anchors and aliases are refused, as is more than one
// document. Amounts are read from the literal text of the node with
// ParseCents, never through a float.
func LoadSessionFile(name string, data []byte) (*InitCmd, error) {
	l := &sessionLoader{file: name}
	root, err := l.parse(data)
	if err != nil {
		return nil, err
	}
	cmd := l.load(root)
	if l.err != nil {
		return nil, l.err
	}
	return cmd, nil
}

// sessionLoader walks the whole node tree and keeps the error that comes
// first in the file; of two errors at the same place, the first found is
// kept. A missing field yields to any other error, since a misspelt key is
// the usual cause and its own error says more.
type sessionLoader struct {
	file    string
	err     *FileError
	missing bool // err is a missing field
}

// failAt keeps the error key with args at line and col, if it comes first.
func (l *sessionLoader) failAt(line, col int, field, key string, args ...any) {
	if l.err == nil || l.missing || line < l.err.Line || (line == l.err.Line && col < l.err.Col) {
		l.err = &FileError{File: l.file, Line: line, Col: col, Field: field, Key: key, Args: args}
		l.missing = false
	}
}

// failMissing reports the missing field path in the mapping n.
func (l *sessionLoader) failMissing(n *yaml.Node, path string) {
	if l.err == nil || (l.missing && (n.Line < l.err.Line || (n.Line == l.err.Line && n.Column < l.err.Col))) {
		l.err = &FileError{File: l.file, Line: n.Line, Col: n.Column, Field: path, Key: "sessionfile.missing"}
		l.missing = true
	}
}

func (l *sessionLoader) fail(n *yaml.Node, field, key string, args ...any) {
	l.failAt(n.Line, n.Column, field, key, args...)
}

// parse decodes the single YAML document of data into its root node.
func (l *sessionLoader) parse(data []byte) (root *yaml.Node, err error) {
	defer func() {
		// yaml.v3 is not supposed to panic on any input; if it ever does,
		// the clerk gets an error rather than a crash.
		if r := recover(); r != nil {
			root, err = nil, &FileError{File: l.file, Key: "sessionfile.not_yaml", Args: []any{fmt.Sprint(r)}}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &FileError{File: l.file, Line: 1, Col: 1, Key: "sessionfile.empty"}
		}
		return nil, l.syntaxError(data, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return nil, &FileError{File: l.file, Line: next.Line, Col: next.Column, Key: "sessionfile.two_docs"}
	case !errors.Is(err, io.EOF):
		return nil, l.syntaxError(data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, &FileError{File: l.file, Line: 1, Col: 1, Key: "sessionfile.empty"}
	}
	return doc.Content[0], nil
}

// yamlLineErr reads the line of a yaml error; compiled on first use, like
// fileIDPattern.
var yamlLineErr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// syntaxError turns a yaml.v3 parse error into a FileError with the best
// position available.
func (l *sessionLoader) syntaxError(data []byte, err error) *FileError {
	msg := err.Error()
	if m := yamlLineErr().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		text := lineOfData(data, line)
		if strings.Contains(m[2], "tab") || strings.Contains(m[2], "cannot start any token") {
			if i := strings.IndexByte(text, '\t'); i >= 0 {
				return &FileError{File: l.file, Line: line, Col: utf8.RuneCountInString(text[:i]) + 1,
					Key: "sessionfile.tab"}
			}
		}
		return &FileError{File: l.file, Line: line, Key: "sessionfile.syntax", Args: []any{m[2]}}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	line, col := firstBadByte(data)
	return &FileError{File: l.file, Line: line, Col: col, Key: "sessionfile.syntax", Args: []any{msg}}
}

// lineOfData returns line n (1-based) of data.
func lineOfData(data []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(data, '\n')
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, '\n'); j >= 0 {
		data = data[:j]
	}
	return string(data)
}

// firstBadByte finds the first invalid UTF-8 sequence or control character, the
// usual cause of a yaml.v3 error that carries no line; 0, 0 if none.
func firstBadByte(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if (r == utf8.RuneError && size <= 1) || (r != '\n' && r != '\t' && r != '\r' && unicode.IsControl(r)) {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return 0, 0
}

// Field helpers.

func fieldPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func fieldIndex(path string, i int) string { return fmt.Sprintf("%s[%d]", path, i+1) }

// describeNode names what a node is, for "expected X, found Y" messages.
func describeNode(n *yaml.Node) Phrase {
	switch n.Kind {
	case yaml.MappingNode:
		return Phrase{Key: "sessionfile.node.mapping"}
	case yaml.SequenceNode:
		return Phrase{Key: "sessionfile.node.list"}
	case yaml.AliasNode:
		return Phrase{Key: "sessionfile.node.alias"}
	case yaml.DocumentNode:
		return Phrase{Key: "sessionfile.node.document"}
	}
	switch n.ShortTag() {
	case "!!null":
		return Phrase{Key: "sessionfile.node.nothing"}
	case "!!int", "!!float":
		return Phrase{Key: "sessionfile.node.number", Args: []any{n.Value}}
	case "!!bool":
		return Phrase{Text: n.Value}
	}
	return Phrase{Text: strconv.Quote(n.Value)}
}

func isNullNode(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// expect checks that n is of kind k (mapping or list); an alias is refused.
func (l *sessionLoader) expect(n *yaml.Node, path string, k yaml.Kind) bool {
	if n.Kind == yaml.AliasNode {
		l.fail(n, path, "sessionfile.alias", n.Value)
		return false
	}
	if n.Kind == k {
		return true
	}
	want := Phrase{Key: "sessionfile.node.mapping"}
	if k == yaml.SequenceNode {
		want = Phrase{Key: "sessionfile.node.list"}
	}
	l.fail(n, path, "sessionfile.expected", want, describeNode(n))
	return false
}

// fields checks that n is a mapping whose keys are all in allowed, each once,
// and returns the value node of each key present.
func (l *sessionLoader) fields(n *yaml.Node, path string, allowed ...string) (map[string]*yaml.Node, bool) {
	if !l.expect(n, path, yaml.MappingNode) {
		return nil, false
	}
	vals := make(map[string]*yaml.Node, len(n.Content)/2)
	keys := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.ShortTag() == "!!null" {
			l.fail(k, path, "sessionfile.key_not_name", describeNode(k))
			continue
		}
		field := fieldPath(path, k.Value)
		if first, dup := keys[k.Value]; dup {
			l.fail(k, field, "sessionfile.dup_key_at", first.Line)
			continue
		}
		keys[k.Value] = k
		known := false
		for _, a := range allowed {
			known = known || a == k.Value
		}
		if !known {
			l.fail(k, field, "sessionfile.unknown_key", strings.Join(allowed, ", "))
			continue
		}
		vals[k.Value] = v
	}
	return vals, true
}

// eachField calls fn for each key of the mapping n that fields accepted
// (vals), in the file's order so that errors are found in it, with the
// key's field path and its value.
func eachField(n *yaml.Node, vals map[string]*yaml.Node, path string, fn func(k, p string, v *yaml.Node)) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		// The second value of a duplicate key is not the one fields kept.
		if v, ok := vals[k]; ok && v == n.Content[i+1] {
			fn(k, fieldPath(path, k), v)
		}
	}
}

// require reports a key missing from the mapping n.
func (l *sessionLoader) require(vals map[string]*yaml.Node, n *yaml.Node, path, key string) (*yaml.Node, bool) {
	v, ok := vals[key]
	if !ok {
		l.failMissing(n, fieldPath(path, key))
		return nil, false
	}
	return v, true
}

var fileScalarTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!timestamp": true}

// scalar returns the literal text of a scalar node; a null node gives ok=false
// without error so that callers decide whether the field may be empty.
func (l *sessionLoader) scalar(n *yaml.Node, path string) (s string, ok bool) {
	if n.Kind == yaml.AliasNode {
		l.fail(n, path, "sessionfile.alias", n.Value)
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		l.fail(n, path, "sessionfile.not_single", describeNode(n))
		return "", false
	}
	if isNullNode(n) {
		return "", false
	}
	if !fileScalarTags[n.ShortTag()] {
		l.fail(n, path, "sessionfile.tag", n.Tag)
		return "", false
	}
	return n.Value, true
}

// line reads a one-line text of at most limit characters: trimmed, NFC,
// without control characters (CheckText). Absent or empty, it is an error
// when required.
func (l *sessionLoader) line(n *yaml.Node, path string, required bool, limit int) string {
	if n == nil {
		return ""
	}
	s, ok := l.scalar(n, path)
	s = strings.TrimSpace(s)
	if !ok || s == "" {
		if required && (ok || n.Kind == yaml.ScalarNode) {
			l.fail(n, path, "sessionfile.empty_value")
		}
		return ""
	}
	return l.checked(n, path, s, limit, false)
}

// text reads a free text that may span lines (a draft decision).
func (l *sessionLoader) text(n *yaml.Node, path string) string {
	if n == nil {
		return ""
	}
	s, ok := l.scalar(n, path)
	if !ok {
		return ""
	}
	return l.checked(n, path, strings.TrimSpace(s), MaxText, true)
}

// checked returns s in NFC if it passes CheckText's checks; else it fails
// at n and returns "".
func (l *sessionLoader) checked(n *yaml.Node, path, s string, limit int, multiline bool) string {
	s = norm.NFC.String(s)
	if key, args := textFault(s, limit, multiline); key != "" {
		l.fail(n, path, key, args...)
		return ""
	}
	return s
}

// id reads a required identifier.
func (l *sessionLoader) id(n *yaml.Node, path string) string {
	s, ok := l.scalar(n, path)
	if !ok {
		if n.Kind == yaml.ScalarNode {
			l.fail(n, path, "sessionfile.empty_value")
		}
		return ""
	}
	if !idPattern().MatchString(s) {
		l.fail(n, path, "sessionfile.bad_id", s)
		return ""
	}
	return s
}

// oneOf reads a required value from a fixed list.
func (l *sessionLoader) oneOf(n *yaml.Node, path string, allowed []string) string {
	s, ok := l.scalar(n, path)
	if !ok {
		if n.Kind == yaml.ScalarNode {
			l.fail(n, path, "sessionfile.must_be_one_of", strings.Join(allowed, ", "))
		}
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	l.fail(n, path, "sessionfile.not_one_of", s, strings.Join(allowed, ", "))
	return ""
}

// count reads a whole number in [lo, hi].
func (l *sessionLoader) count(n *yaml.Node, path string, lo, hi int) (int, bool) {
	s, ok := l.scalar(n, path)
	if !ok {
		if n.Kind == yaml.ScalarNode {
			l.fail(n, path, "sessionfile.whole_number")
		}
		return 0, false
	}
	v, err := strconv.Atoi(s)
	if err != nil || !allDigits(s) || v < lo || v > hi {
		l.fail(n, path, "sessionfile.number_range", s, lo, hi)
		return 0, false
	}
	return v, true
}

func allDigits(s string) bool { return s != "" && digits(s) }

// boolean reads true/false, or yes/no.
func (l *sessionLoader) boolean(n *yaml.Node, path string) (bool, bool) {
	s, ok := l.scalar(n, path)
	if ok {
		switch strings.ToLower(s) {
		case "true", "yes":
			return true, true
		case "false", "no":
			return false, true
		}
	}
	if ok || n.Kind == yaml.ScalarNode {
		l.fail(n, path, "sessionfile.bool", describeNode(n))
	}
	return false, false
}

// list checks that n is a list, non-empty when required, and returns its items.
func (l *sessionLoader) list(n *yaml.Node, path string, nonEmpty bool) []*yaml.Node {
	if isNullNode(n) {
		if nonEmpty {
			l.fail(n, path, "sessionfile.nonempty_list")
		}
		return nil
	}
	if !l.expect(n, path, yaml.SequenceNode) {
		return nil
	}
	if nonEmpty && len(n.Content) == 0 {
		l.fail(n, path, "sessionfile.nonempty_list")
	}
	return n.Content
}

// The file.

var fileLanguages = []string{"ar", "fr", "en"}

var langTagPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`) })

func (l *sessionLoader) load(root *yaml.Node) *InitCmd {
	cmd := &InitCmd{}
	top, ok := l.fields(root, "", "body", "members", "session", "agenda")
	if !ok {
		return cmd
	}
	var seats *yaml.Node
	var quorum []*yaml.Node
	var chair, secretary *yaml.Node
	eachField(root, top, "", func(k, _ string, v *yaml.Node) {
		switch k {
		case "body":
			seats, quorum = l.body(v, &cmd.Body)
		case "members":
			cmd.Body.Members = l.members(v)
		case "session":
			chair, secretary = l.session(v, &cmd.Session)
		case "agenda":
			cmd.Session.Items = l.agenda(v)
		}
	})
	// Members may be left out when the database holds the body: the
	// session then takes its roster (InitCmd).
	for _, k := range []string{"body", "session", "agenda"} {
		l.require(top, root, "", k)
	}
	if l.err != nil {
		return cmd
	}

	// Checks across sections.
	b := &cmd.Body
	if len(b.Members) == 0 {
		cmd.Session.Body = b.ID
		return cmd
	}
	if seats == nil {
		b.Seats = len(b.Members)
	} else if b.Seats < len(b.Members) {
		l.fail(seats, "body.seats", "sessionfile.seats_below", b.Seats, len(b.Members))
	}
	for i, q := range b.Rules.Quorum {
		if n, err := strconv.Atoi(q); err == nil && n > b.Seats && i < len(quorum) {
			l.fail(quorum[i], fieldIndex("body.rules.quorum", i), "sessionfile.quorum_above", n, b.Seats)
		}
	}
	for _, m := range []struct {
		n    *yaml.Node
		path string
		id   string
	}{{chair, "session.chair", cmd.Session.Chair}, {secretary, "session.secretary", cmd.Session.Secretary}} {
		if m.n != nil && m.id != "" {
			if _, ok := b.Member(m.id); !ok {
				l.fail(m.n, m.path, "sessionfile.not_member", m.id)
			}
		}
	}
	cmd.Session.Body = b.ID
	return cmd
}

func (l *sessionLoader) body(n *yaml.Node, b *Body) (seats *yaml.Node, quorum []*yaml.Node) {
	const path = "body"
	b.Language = "ar"
	b.Rules = DefaultRules()
	f, ok := l.fields(n, path, "id", "name", "names", "language", "seats", "rules", "legal_basis", "timezone")
	if !ok {
		return nil, nil
	}
	eachField(n, f, path, func(k, p string, v *yaml.Node) {
		switch k {
		case "id":
			b.ID = l.id(v, p)
		case "name":
			b.Name = l.line(v, p, true, MaxName)
		case "names":
			b.Names = l.names(v, p)
		case "language":
			b.Language = l.oneOf(v, p, fileLanguages)
		case "seats":
			if s, ok := l.count(v, p, 1, MaxSeats); ok {
				b.Seats, seats = s, v
			}
		case "rules":
			quorum = l.rules(v, p, &b.Rules)
		case "legal_basis":
			b.LegalBasis = l.text(v, p)
		case "timezone":
			b.Timezone = l.timezone(v, p)
		}
	})
	l.require(f, n, path, "id")
	if _, named := f["name"]; !named && len(f) == 1 {
		// body: {id: …} alone names a body the database holds.
		b.Language, b.Rules = "", Rules{}
		return nil, nil
	}
	l.require(f, n, path, "name")
	return seats, quorum
}

func (l *sessionLoader) names(n *yaml.Node, path string) map[string]string {
	return l.lineMap(n, path, func(k *yaml.Node, key string, ok bool) bool {
		if !ok || !langTagPattern().MatchString(key) {
			l.fail(k, path, "sessionfile.lang_code", describeNode(k))
			return false
		}
		return true
	})
}

// lineMap reads a mapping of one-line texts whose keys valid accepts
// (saying why when it does not); a key given twice is an error.
func (l *sessionLoader) lineMap(n *yaml.Node, path string, valid func(k *yaml.Node, key string, ok bool) bool) map[string]string {
	if isNullNode(n) || !l.expect(n, path, yaml.MappingNode) {
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key, ok := l.scalar(k, path)
		key = strings.TrimSpace(key)
		if !valid(k, key, ok) {
			continue
		}
		p := fieldPath(path, key)
		if _, dup := out[key]; dup {
			l.fail(k, p, "sessionfile.dup_key")
			continue
		}
		out[key] = l.line(v, p, true, MaxName)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (l *sessionLoader) rules(n *yaml.Node, path string, r *Rules) (quorum []*yaml.Node) {
	f, ok := l.fields(n, path, "quorum", "majority", "tie")
	if !ok {
		return nil
	}
	eachField(n, f, path, func(k, p string, v *yaml.Node) {
		switch k {
		case "quorum":
			quorum = l.list(v, p, true)
			if len(quorum) > 3 {
				l.fail(quorum[3], fieldIndex(p, 3), "sessionfile.calls")
			}
			r.Quorum = make([]string, len(quorum))
			for j, q := range quorum {
				r.Quorum[j] = l.quorumRule(q, fieldIndex(p, j))
			}
		case "majority":
			r.Majority = Majority(l.oneOf(v, p, fileMajorities()))
		case "tie":
			r.Tie = TieRule(l.oneOf(v, p, []string{string(TiePresident), string(TieRejected)}))
		}
	})
	return quorum
}

func (l *sessionLoader) quorumRule(n *yaml.Node, path string) string {
	s, ok := l.scalar(n, path)
	if !ok {
		if n.Kind == yaml.ScalarNode {
			l.fail(n, path, "sessionfile.quorum_rule", describeNode(n))
		}
		return ""
	}
	switch s {
	case "majority", "third", "none":
		return s
	}
	v, err := strconv.Atoi(s)
	if err != nil || !allDigits(s) {
		l.fail(n, path, "sessionfile.quorum_rule", Phrase{Text: strconv.Quote(s)})
		return ""
	}
	if v > MaxSeats {
		l.fail(n, path, "sessionfile.above", s, MaxSeats)
		return ""
	}
	return strconv.Itoa(v)
}

func fileMajorities() []string {
	s := make([]string, len(Majorities))
	for i, m := range Majorities {
		s[i] = string(m)
	}
	return s
}

func (l *sessionLoader) members(n *yaml.Node) []Member {
	const path = "members"
	items := l.list(n, path, true)
	members := make([]Member, 0, len(items))
	seen := map[string]int{}
	for i, it := range items {
		p := fieldIndex(path, i)
		f, ok := l.fields(it, p, "id", "name", "role", "group", "gender")
		if !ok {
			continue
		}
		var m Member
		eachField(it, f, p, func(k, fp string, v *yaml.Node) {
			switch k {
			case "id":
				m.ID = l.id(v, fp)
				if m.ID == "all" {
					l.fail(v, fp, "sessionfile.reserved_all")
				} else if first, dup := seen[m.ID]; dup && m.ID != "" {
					l.fail(v, fp, "sessionfile.dup_member", m.ID, first)
				} else if m.ID != "" {
					seen[m.ID] = v.Line
				}
			case "name":
				m.Name = l.line(v, fp, true, MaxName)
			case "role":
				m.Role = l.line(v, fp, false, MaxName)
			case "group":
				m.Group = l.line(v, fp, false, MaxName)
			case "gender":
				m.Gender = l.gender(v, fp)
			}
		})
		l.require(f, it, p, "id")
		l.require(f, it, p, "name")
		members = append(members, m)
	}
	return members
}

func (l *sessionLoader) session(n *yaml.Node, s *Session) (chair, secretary *yaml.Node) {
	const path = "session"
	s.Kind = "ordinary"
	f, ok := l.fields(n, path, "id", "kind", "title", "date", "time", "place", "chair", "secretary", "guests", "convened", "public", "speaking_time")
	if !ok {
		return nil, nil
	}
	eachField(n, f, path, func(k, p string, v *yaml.Node) {
		switch k {
		case "id":
			s.ID = l.id(v, p)
		case "kind":
			s.Kind = l.oneOf(v, p, []string{"ordinary", "extraordinary"})
		case "title":
			s.Title = l.line(v, p, true, MaxTitle)
		case "date":
			s.Date = l.date(v, p)
		case "time":
			if t, ok := l.scalar(v, p); ok && !ValidClock(t) {
				l.fail(v, p, "sessionfile.time", t)
			} else {
				s.Time = t
			}
		case "place":
			s.Place = l.line(v, p, false, MaxName)
		case "chair":
			s.Chair, chair = l.id(v, p), v
		case "secretary":
			if !isNullNode(v) {
				s.Secretary, secretary = l.id(v, p), v
			}
		case "guests":
			s.Guests = l.guests(v, p)
		case "convened":
			s.Convened = l.date(v, p)
		case "public":
			if b, ok := l.boolean(v, p); ok {
				s.Public = &b
			}
		case "speaking_time":
			s.SpeakingTime = l.speakingTime(v, p)
		}
	})
	for _, k := range []string{"id", "title", "date", "chair"} {
		l.require(f, n, path, k)
	}
	return chair, secretary
}

func (l *sessionLoader) date(n *yaml.Node, path string) string {
	s, ok := l.scalar(n, path)
	if !ok {
		if n.Kind == yaml.ScalarNode {
			l.fail(n, path, "sessionfile.date")
		}
		return ""
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil || len(s) != len(time.DateOnly) {
		l.fail(n, path, "sessionfile.not_date", s)
		return ""
	}
	return s
}

func (l *sessionLoader) guests(n *yaml.Node, path string) []Guest {
	items := l.list(n, path, false)
	if len(items) == 0 {
		return nil
	}
	guests := make([]Guest, 0, len(items))
	for i, it := range items {
		p := fieldIndex(path, i)
		f, ok := l.fields(it, p, "name", "role", "gender")
		if !ok {
			continue
		}
		var g Guest
		eachField(it, f, p, func(k, fp string, v *yaml.Node) {
			switch k {
			case "name":
				g.Name = l.line(v, fp, true, MaxName)
			case "role":
				g.Role = l.line(v, fp, false, MaxName)
			case "gender":
				g.Gender = l.gender(v, fp)
			}
		})
		l.require(f, it, p, "name")
		guests = append(guests, g)
	}
	return guests
}

// kindVotesByDefault says whether an item of each kind takes a vote (SPEC §3).
var kindVotesByDefault = map[string]bool{
	KindProcedural: false, KindMinutes: true, KindReport: false, KindAgreement: true,
	KindRegulation: true, KindBudget: true, KindOther: true,
}

var (
	fileItemKeys   = []string{"title", "kind", "text", "majority", "vote"}
	fileBudgetKeys = []string{"title", "kind", "text", "majority", "vote", "balanced", "lines", "parts"}
)

func (l *sessionLoader) agenda(n *yaml.Node) []*Item {
	const path = "agenda"
	nodes := l.list(n, path, true)
	items := make([]*Item, 0, len(nodes))
	for i, it := range nodes {
		if item := l.item(it, fieldIndex(path, i)); item != nil {
			item.N = len(items) + 1
			items = append(items, item)
		}
	}
	return items
}

func (l *sessionLoader) item(n *yaml.Node, path string) *Item {
	if !l.expect(n, path, yaml.MappingNode) {
		return nil
	}
	// The kind decides which keys are allowed, so it is read first.
	it := &Item{}
	var kindNode *yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Kind == yaml.ScalarNode && n.Content[i].Value == "kind" {
			kindNode = n.Content[i+1]
			break
		}
	}
	if kindNode == nil {
		l.failMissing(n, fieldPath(path, "kind"))
	} else {
		it.Kind = l.oneOf(kindNode, fieldPath(path, "kind"), ItemKinds)
	}
	budget := it.Kind == KindBudget
	allowed := fileItemKeys
	switch {
	case budget:
		allowed = fileBudgetKeys
		it.VoteMode, it.Balanced = "lines", true
	case it.Kind == "":
		// Without a valid kind, only the kind's own error is useful.
		allowed = fileBudgetKeys
	default:
		// Name the budget-only keys precisely rather than as unknown.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.ScalarNode && (k.Value == "lines" || k.Value == "balanced" || k.Value == "parts") {
				l.fail(k, fieldPath(path, k.Value), "sessionfile.budget_only", k.Value, it.Kind)
			}
		}
	}
	f, ok := l.fields(n, path, allowed...)
	if !ok {
		return nil
	}
	it.Votes = kindVotesByDefault[it.Kind]
	eachField(n, f, path, func(k, p string, v *yaml.Node) {
		switch k {
		case "title":
			it.Title = l.line(v, p, true, MaxTitle)
		case "text":
			it.Text = l.text(v, p)
		case "majority":
			if !isNullNode(v) {
				it.Majority = Majority(l.oneOf(v, p, fileMajorities()))
			}
		case "vote":
			if it.Kind == "" {
				break
			}
			if budget {
				it.VoteMode = l.oneOf(v, p, []string{"lines", "whole"})
			} else if s, ok := l.scalar(v, p); ok && (s == "lines" || s == "whole") {
				l.fail(v, p, "sessionfile.budget_only_value", s)
			} else if b, ok := l.boolean(v, p); ok {
				it.Votes = b
			}
		case "balanced":
			if b, ok := l.boolean(v, p); ok && budget {
				it.Balanced = b
			}
		case "lines":
			if budget {
				it.Lines = l.lines(v, p)
			}
		case "parts":
			if budget {
				it.Parts = l.parts(v, p)
			}
		}
	})
	l.require(f, n, path, "title")
	if budget {
		l.require(f, n, path, "lines")
		l.partsUsed(n, path, it)
	}
	return it
}

// parts reads the names of a budget's parts: a mapping from the key the
// lines give in part (1, I, …) to the part's name.
func (l *sessionLoader) parts(n *yaml.Node, path string) map[string]string {
	return l.lineMap(n, path, func(k *yaml.Node, key string, ok bool) bool {
		if !ok || key == "" {
			l.fail(k, path, "sessionfile.key_not_name", describeNode(k))
			return false
		}
		return true
	})
}

// partsUsed refuses a part name that no line belongs to: a typo in a key
// would otherwise leave a part unnamed without a word.
func (l *sessionLoader) partsUsed(n *yaml.Node, path string, it *Item) {
	if len(it.Parts) == 0 {
		return
	}
	used := map[string]bool{}
	for _, ln := range it.Lines {
		used[ln.Part] = true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value != "parts" || n.Content[i+1].Kind != yaml.MappingNode {
			continue
		}
		m := n.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			if key := strings.TrimSpace(m.Content[j].Value); !used[key] {
				l.fail(m.Content[j], fieldPath(fieldPath(path, "parts"), key), "sessionfile.part_unused", key)
			}
		}
	}
}

// gender reads f or m.
func (l *sessionLoader) gender(n *yaml.Node, path string) string {
	if isNullNode(n) {
		return ""
	}
	return l.oneOf(n, path, []string{Female, Male})
}

// timezone reads an IANA time zone name.
func (l *sessionLoader) timezone(n *yaml.Node, path string) string {
	s := l.line(n, path, true, MaxName)
	if s != "" && !ValidTimezone(s) {
		l.fail(n, path, "sessionfile.timezone", s)
		return ""
	}
	return s
}

func (l *sessionLoader) lines(n *yaml.Node, path string) []*BudgetLine {
	nodes := l.list(n, path, true)
	lines := make([]*BudgetLine, 0, len(nodes))
	seen := map[string]int{}
	for i, ln := range nodes {
		p := fieldIndex(path, i)
		f, ok := l.fields(ln, p, "code", "label", "kind", "part", "amount")
		if !ok {
			continue
		}
		bl := &BudgetLine{}
		eachField(ln, f, p, func(k, fp string, v *yaml.Node) {
			switch k {
			case "code":
				bl.Code = l.id(v, fp)
				if first, dup := seen[bl.Code]; dup && bl.Code != "" {
					l.fail(v, fp, "sessionfile.dup_line", bl.Code, first)
				} else if bl.Code != "" {
					seen[bl.Code] = v.Line
				}
			case "label":
				bl.Label = l.line(v, fp, true, MaxTitle)
			case "kind":
				bl.Kind = l.oneOf(v, fp, []string{"revenue", "expense"})
			case "part":
				bl.Part = l.line(v, fp, false, MaxName)
			case "amount":
				bl.Amount = l.amount(v, fp)
			}
		})
		for _, k := range []string{"code", "label", "kind", "amount"} {
			l.require(f, ln, p, k)
		}
		lines = append(lines, bl)
	}
	return lines
}

// amount reads an exact amount from the node's literal text: 4800000.10 in
// the file is 480000010 centimes, never a float's approximation.
func (l *sessionLoader) amount(n *yaml.Node, path string) Cents {
	s, ok := l.scalar(n, path)
	if !ok {
		if n.Kind == yaml.ScalarNode {
			l.fail(n, path, "sessionfile.amount")
		}
		return 0
	}
	c, err := ParseCents(s)
	if err != nil {
		// ParseCents says which of its two errors in English only.
		key := "sessionfile.amount_format"
		if err.Error() == fmt.Sprintf("%q is too large", s) {
			key = "sessionfile.amount_large"
		}
		l.fail(n, path, key, s)
		return 0
	}
	if c < 0 {
		l.fail(n, path, "sessionfile.negative", s)
		return 0
	}
	return c
}

// The session file's messages (SPEC §3) in the three languages. Field paths,
// keys and values from the file are quoted as they are written.
func init() {
	// Seats listed below the members are at least one, and the members
	// then at least two.
	i18n.RegisterCounted(map[string]i18n.Counted{
		"sessionfile.seats_below": {Arg: 1,
			En: i18n.Forms{One: "%d seat is fewer than the members listed (%d)", Other: "%d seats are fewer than the members listed (%d)"},
			Fr: i18n.Forms{One: "%d siège, c'est moins que les membres listés (%d)", Other: "%d sièges, c'est moins que les membres listés (%d)"},
			Ar: i18n.Forms{Other: "عدد المقاعد %d أقل من عدد الأعضاء المدرجين %d"}},
		"sessionfile.quorum_above": {Arg: 2,
			En: i18n.Forms{One: "a quorum of %d is more than the %d seat", Other: "a quorum of %d is more than the %d seats"},
			Fr: i18n.Forms{Other: "un quorum de %d dépasse le nombre de sièges (%d)"},
			Ar: i18n.Forms{Other: "نصاب %d أكبر من عدد المقاعد %d"}},
	})
	i18n.Register(map[string]i18n.Text{
		"sessionfile.missing":           {En: "required field is missing", Fr: "champ obligatoire absent", Ar: "حقل إلزامي ناقص"},
		"sessionfile.not_yaml":          {En: "cannot read the file as YAML (%v)", Fr: "impossible de lire le fichier comme du YAML (%v)", Ar: "تعذرت قراءة الملف بصيغة YAML (%v)"},
		"sessionfile.empty":             {En: "the file is empty; it needs body, members, session and agenda", Fr: "le fichier est vide ; il lui faut body, members, session et agenda", Ar: "الملف فارغ؛ يجب أن يتضمن body وmembers وsession وagenda"},
		"sessionfile.two_docs":          {En: "a session file holds one YAML document; remove the second one (after ---)", Fr: "un fichier de session contient un seul document YAML ; supprimez le second (après ---)", Ar: "يتضمن ملف الدورة وثيقة YAML واحدة؛ احذف الوثيقة الثانية (بعد ---)"},
		"sessionfile.tab":               {En: "YAML syntax: a tab character cannot indent or start a value; use spaces", Fr: "syntaxe YAML : une tabulation ne peut ni indenter ni commencer une valeur ; utilisez des espaces", Ar: "صياغة YAML: لا يصلح حرف الجدولة (tab) للإزاحة ولا لبدء قيمة؛ استعمل المسافات"},
		"sessionfile.syntax":            {En: "YAML syntax: %s", Fr: "syntaxe YAML : %s", Ar: "صياغة YAML: %s"},
		"sessionfile.alias":             {En: "YAML aliases (*%s) are not supported; write the value out", Fr: "les alias YAML (*%s) ne sont pas pris en charge ; écrivez la valeur en entier", Ar: "أسماء YAML المستعارة (*%s) غير مدعومة؛ اكتب القيمة كاملة"},
		"sessionfile.expected":          {En: "expected %s, found %s", Fr: "%s attendu, trouvé %s", Ar: "المنتظر %s، والموجود %s"},
		"sessionfile.key_not_name":      {En: "a key must be a plain name, found %s", Fr: "une clé doit être un simple nom, trouvé %s", Ar: "يجب أن يكون المفتاح اسما بسيطا، والموجود %s"},
		"sessionfile.dup_key_at":        {En: "duplicate key (first at line %d)", Fr: "clé en double (première fois ligne %d)", Ar: "مفتاح مكرر (أول مرة في السطر %d)"},
		"sessionfile.dup_key":           {En: "duplicate key", Fr: "clé en double", Ar: "مفتاح مكرر"},
		"sessionfile.unknown_key":       {En: "unknown key (allowed: %s)", Fr: "clé inconnue (permises : %s)", Ar: "مفتاح غير معروف (المسموح بها: %s)"},
		"sessionfile.not_single":        {En: "expected a single value, found %s", Fr: "une seule valeur attendue, trouvé %s", Ar: "المنتظر قيمة واحدة، والموجود %s"},
		"sessionfile.tag":               {En: "the tag %s is not supported", Fr: "l'étiquette %s n'est pas prise en charge", Ar: "الوسم %s غير مدعوم"},
		"sessionfile.empty_value":       {En: "must not be empty", Fr: "ne doit pas être vide", Ar: "يجب ألا يكون فارغا"},
		"sessionfile.bad_id":            {En: "%q is not an id: use 1 to 64 letters A-Z a-z, digits, '.', '_' or '-', starting with a letter or digit", Fr: "%q n'est pas un identifiant : 1 à 64 lettres A-Z a-z, chiffres, '.', '_' ou '-', commençant par une lettre ou un chiffre", Ar: "%q ليس معرفا: استعمل من 1 إلى 64 حرفا من A-Z a-z والأرقام و'.' و'_' و'-'، يبدأ بحرف أو رقم"},
		"sessionfile.must_be_one_of":    {En: "must be one of %s", Fr: "doit être l'une des valeurs %s", Ar: "يجب أن يكون إحدى القيم %s"},
		"sessionfile.not_one_of":        {En: "%q is not one of %s", Fr: "%q n'est pas l'une des valeurs %s", Ar: "%q ليس من بين القيم %s"},
		"sessionfile.whole_number":      {En: "must be a whole number", Fr: "doit être un nombre entier", Ar: "يجب أن يكون عددا صحيحا"},
		"sessionfile.number_range":      {En: "%q is not a whole number from %d to %d", Fr: "%q n'est pas un nombre entier de %d à %d", Ar: "%q ليس عددا صحيحا من %d إلى %d"},
		"sessionfile.bool":              {En: "%s is not true or false (or yes or no)", Fr: "%s n'est ni true ni false (ni yes ni no)", Ar: "%s ليس true أو false (أو yes أو no)"},
		"sessionfile.nonempty_list":     {En: "must be a non-empty list", Fr: "doit être une liste non vide", Ar: "يجب أن يكون لائحة غير فارغة"},
		"sessionfile.not_member":        {En: "%q is not the id of a member", Fr: "%q n'est l'identifiant d'aucun membre", Ar: "%q ليس معرف أي عضو"},
		"sessionfile.lang_code":         {En: "%s is not a language code such as ar, fr or en", Fr: "%s n'est pas un code de langue comme ar, fr ou en", Ar: "%s ليس رمز لغة مثل ar أو fr أو en"},
		"sessionfile.calls":             {En: "there are at most 3 convocations", Fr: "il y a au plus 3 convocations", Ar: "الدعوات ثلاث على الأكثر"},
		"sessionfile.quorum_rule":       {En: "%s is not a quorum rule: majority, third, none or a whole number", Fr: "%s n'est pas une règle de quorum : majority, third, none ou un nombre entier", Ar: "%s ليس قاعدة نصاب: majority أو third أو none أو عدد صحيح"},
		"sessionfile.above":             {En: "%q is more than %d", Fr: "%q dépasse %d", Ar: "%q أكبر من %d"},
		"sessionfile.reserved_all":      {En: `"all" is reserved for the command line; choose another id`, Fr: `"all" est réservé à la ligne de commande ; choisissez un autre identifiant`, Ar: `"all" محجوز لسطر الأوامر؛ اختر معرفا آخر`},
		"sessionfile.dup_member":        {En: "duplicate member id %q (first at line %d)", Fr: "identifiant de membre %q en double (première fois ligne %d)", Ar: "معرف العضو %q مكرر (أول مرة في السطر %d)"},
		"sessionfile.date":              {En: "must be a date YYYY-MM-DD", Fr: "doit être une date AAAA-MM-JJ", Ar: "يجب أن يكون تاريخا على شكل YYYY-MM-DD"},
		"sessionfile.not_date":          {En: "%q is not a date YYYY-MM-DD", Fr: "%q n'est pas une date AAAA-MM-JJ", Ar: "%q ليس تاريخا على شكل YYYY-MM-DD"},
		"sessionfile.budget_only":       {En: "only budget items have %s (this item is %s)", Fr: "seuls les points budgétaires ont %s (ce point est %s)", Ar: "%s خاص بنقط الميزانية (هذه النقطة من نوع %s)"},
		"sessionfile.budget_only_value": {En: "%q is only for budget items; use true or false", Fr: "%q est réservé aux points budgétaires ; utilisez true ou false", Ar: "%q خاص بنقط الميزانية؛ استعمل true أو false"},
		"sessionfile.dup_line":          {En: "duplicate line code %q (first at line %d)", Fr: "code de ligne %q en double (première fois ligne %d)", Ar: "رمز السطر %q مكرر (أول مرة في السطر %d)"},
		"sessionfile.amount":            {En: "must be an amount such as 4800000.00", Fr: "doit être un montant comme 4800000.00", Ar: "يجب أن يكون مبلغا مثل 4800000.00"},
		"sessionfile.amount_format":     {En: "%q is not an amount with at most two decimals", Fr: "%q n'est pas un montant à deux décimales au plus", Ar: "%q ليس مبلغا بعشريتين على الأكثر"},
		"sessionfile.amount_large":      {En: "%q is too large", Fr: "%q est trop grand", Ar: "%q كبير جدا"},
		"sessionfile.negative":          {En: "%q is negative", Fr: "%q est négatif", Ar: "%q سالب"},
		"sessionfile.timezone":          {En: "%q is not a time zone: use an IANA name such as Africa/Casablanca", Fr: "%q n'est pas un fuseau horaire : utilisez un nom IANA comme Africa/Casablanca", Ar: "%q ليست منطقة زمنية: استعمل اسما من قاعدة IANA مثل Africa/Casablanca"},
		"sessionfile.time":              {En: "%q is not a time of day: write it HH:MM, such as 10:00", Fr: "%q n'est pas une heure : écrivez-la HH:MM, comme 10:00", Ar: "%q ليس توقيتا: اكتبه على شكل HH:MM، مثل 10:00"},
		"sessionfile.part_unused":       {En: "no line is in part %q", Fr: "aucune ligne n'appartient à la partie %q", Ar: "لا يوجد أي سطر في الجزء %q"},

		"sessionfile.node.mapping":  {En: "a mapping (key: value)", Fr: "un dictionnaire (clé : valeur)", Ar: "قاموس (مفتاح: قيمة)"},
		"sessionfile.node.list":     {En: "a list", Fr: "une liste", Ar: "لائحة"},
		"sessionfile.node.alias":    {En: "an alias", Fr: "un alias", Ar: "اسم مستعار"},
		"sessionfile.node.document": {En: "a document", Fr: "un document", Ar: "وثيقة"},
		"sessionfile.node.nothing":  {En: "nothing", Fr: "rien", Ar: "لا شيء"},
		"sessionfile.node.number":   {En: "the number %s", Fr: "le nombre %s", Ar: "العدد %s"},
	})
}
