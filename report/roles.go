package report

import (
	"strings"
	"sync"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/search"
)

// ParseRole reads a role as a roster or a clerk writes it: the word jalsa
// keeps (vice-president) or the role's name in any of the languages, in
// either gender ("نائبة الرئيس", "vice-présidente"), without regard to
// case, accents or harakat. ok is false for a role jalsa does not know.
func ParseRole(s string) (role string, ok bool) {
	role, ok = roleNames()[roleKey(s)]
	return role, ok
}

// roleNames maps every way of writing each role, folded, to the role: made
// once, as a roster of thousands of rows asks it for each.
var roleNames = sync.OnceValue(func() map[string]string {
	names := map[string]string{}
	for _, r := range model.Roles {
		names[roleKey(r)] = r
		for _, lang := range i18n.Languages {
			w := words{lang}
			for _, g := range []string{model.Male, model.Female} {
				if name := w.Role(r, g); name != "" {
					names[roleKey(name)] = r
				}
			}
		}
	}
	for _, lang := range i18n.Languages {
		w := words{lang}
		names[roleKey(w.T("role.member"))] = "member"
		names[roleKey(w.T("role.f.member"))] = "member"
	}
	return names
})

// roleKey folds a role for matching, its article aside: «الرئيس» is
// «رئيس», «le président» is «président».
func roleKey(s string) string {
	s = strings.Join(strings.Fields(search.Normalize(strings.ReplaceAll(s, "-", " "))), " ")
	for _, article := range []string{"ال", "le ", "la ", "l'", "the "} {
		s = strings.TrimPrefix(s, article)
	}
	return s
}

// rolesAllowed lists the roles a roster may give in each language's words,
// from the wording maps, for the refusal of one jalsa does not know: a
// clerk who wrote «كاتب المكتب» reads «الكاتب» among them, not the ids.
func rolesAllowed(en, fr, ar map[string]string) i18n.Text {
	list := func(wording map[string]string, sep string) string {
		names := make([]string, len(model.Roles))
		for i, r := range model.Roles {
			names[i] = wording["role."+r]
		}
		return strings.Join(names, sep)
	}
	return i18n.Text{En: list(en, ", "), Fr: list(fr, ", "), Ar: list(ar, "، ")}
}
