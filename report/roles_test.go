package report

import (
	"regexp"
	"slices"
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
)

// Each role the refusal of an unknown one offers, in each language, is
// read back as a role, and together they are every role.
func TestRolesOfferedAreAccepted(t *testing.T) {
	sep := regexp.MustCompile(`[,،] `)
	for _, lang := range i18n.Languages {
		var got []string
		for _, name := range sep.Split(i18n.T(lang, "report.roles_allowed"), -1) {
			r, ok := ParseRole(name)
			if !ok {
				t.Errorf("%s: %q is offered as a role and refused", lang, name)
			}
			got = append(got, r)
		}
		if !slices.Equal(got, model.Roles) {
			t.Errorf("%s: offered %v, the roles are %v", lang, got, model.Roles)
		}
	}
}
