package model

import (
	"bytes"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SessionFile writes session id as a session file (SPEC §3, §12): the body
// as the session sees it, the members on its roll, the session's details
// and its agenda with every budget line, as LoadSessionFile reads them, so
// that init of the file in an empty database gives the same session. What
// happened in the session (sittings, votes, notes) is the record's, not
// the file's; an urgent item is written as an item of the agenda.
func SessionFile(st *State, id string) ([]byte, error) {
	s, err := st.Session(id)
	if err != nil {
		return nil, err
	}
	b := st.BodyOf(s)
	root := mapping(false)
	root.add("body", fileBody(b))
	members := &yaml.Node{Kind: yaml.SequenceNode}
	for _, m := range b.Members {
		n := mapping(true)
		n.add("id", str(m.ID))
		n.add("name", str(m.Name))
		n.opt("role", m.Role)
		n.opt("group", m.Group)
		n.opt("gender", m.Gender)
		members.Content = append(members.Content, n.Node)
	}
	root.add("members", members)
	root.add("session", fileSession(s))
	agenda := &yaml.Node{Kind: yaml.SequenceNode}
	for _, it := range s.Items {
		agenda.Content = append(agenda.Content, fileItem(it))
	}
	root.add("agenda", agenda)
	var buf bytes.Buffer
	buf.WriteString("# " + strings.ReplaceAll(s.Title, "\n", " ") + " (jalsa session-file " + s.ID + ")\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root.Node); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

func fileBody(b *Body) *yaml.Node {
	n := mapping(false)
	n.add("id", str(b.ID))
	n.add("name", str(b.Name))
	if len(b.Names) > 0 {
		names := mapping(true)
		for _, lang := range slices.Sorted(maps.Keys(b.Names)) {
			names.add(lang, str(b.Names[lang]))
		}
		n.add("names", names.Node)
	}
	n.add("language", str(b.Language))
	n.add("seats", scalar("!!int", strconv.Itoa(b.Seats)))
	rules := mapping(true)
	quorum := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, q := range b.Rules.Quorum {
		quorum.Content = append(quorum.Content, str(q))
	}
	rules.add("quorum", quorum)
	rules.add("majority", str(string(b.Rules.Majority)))
	rules.add("tie", str(string(b.Rules.Tie)))
	n.add("rules", rules.Node)
	n.opt("legal_basis", b.LegalBasis)
	n.add("timezone", str(b.Zone()))
	return n.Node
}

func fileSession(s *Session) *yaml.Node {
	n := mapping(false)
	n.add("id", str(s.ID))
	n.add("kind", str(s.Kind))
	n.add("title", str(s.Title))
	n.add("date", scalar("!!timestamp", s.Date))
	n.opt("time", s.Time)
	n.opt("place", s.Place)
	n.add("chair", str(s.Chair))
	n.opt("secretary", s.Secretary)
	if s.Convened != "" {
		n.add("convened", scalar("!!timestamp", s.Convened))
	}
	if s.Public != nil {
		n.add("public", scalar("!!bool", strconv.FormatBool(*s.Public)))
	}
	if s.SpeakingTime > 0 {
		n.add("speaking_time", speakingTimeNode(s.SpeakingTime))
	}
	if len(s.Guests) > 0 {
		guests := &yaml.Node{Kind: yaml.SequenceNode}
		for _, g := range s.Guests {
			gn := mapping(true)
			gn.add("name", str(g.Name))
			gn.opt("role", g.Role)
			gn.opt("gender", g.Gender)
			guests.Content = append(guests.Content, gn.Node)
		}
		n.add("guests", guests)
	}
	return n.Node
}

func fileItem(it *Item) *yaml.Node {
	n := mapping(false)
	n.add("title", str(it.Title))
	n.add("kind", str(it.Kind))
	n.opt("text", it.Text)
	n.opt("majority", string(it.Majority))
	if it.Kind != KindBudget {
		if it.Votes != kindVotesByDefault[it.Kind] {
			n.add("vote", scalar("!!bool", strconv.FormatBool(it.Votes)))
		}
		return n.Node
	}
	n.add("vote", str(it.VoteMode))
	n.add("balanced", scalar("!!bool", strconv.FormatBool(it.Balanced)))
	if len(it.Parts) > 0 {
		parts := mapping(true)
		for _, k := range slices.Sorted(maps.Keys(it.Parts)) {
			parts.add(k, str(it.Parts[k]))
		}
		n.add("parts", parts.Node)
	}
	lines := &yaml.Node{Kind: yaml.SequenceNode}
	for _, l := range it.Lines {
		ln := mapping(true)
		ln.add("code", str(l.Code))
		ln.opt("part", l.Part)
		ln.add("kind", str(l.Kind))
		ln.add("label", str(l.Label))
		ln.add("amount", scalar("!!float", l.Amount.String()))
		lines.Content = append(lines.Content, ln.Node)
	}
	n.add("lines", lines)
	return n.Node
}

// yamlMap builds a mapping node key by key, in order.
type yamlMap struct{ *yaml.Node }

func mapping(flow bool) yamlMap {
	n := &yaml.Node{Kind: yaml.MappingNode}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return yamlMap{n}
}

func (m yamlMap) add(key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}

// opt adds a text only when it is not empty.
func (m yamlMap) opt(key, v string) {
	if v != "" {
		m.add(key, str(v))
	}
}

// str is a text: the encoder quotes it when it would read as anything
// else (a number, a date, null).
func str(s string) *yaml.Node { return scalar("!!str", s) }

func scalar(tag, v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v} }
