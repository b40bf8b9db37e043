package model

import (
	"slices"

	"github.com/jalsa-app/jalsa/i18n"
)

// body is the body an init command's session belongs to: the one the
// file states, created; or the database's, which a file that states it
// must match, and whose roster gains the members the file lists that it
// lacks (each an arrival, so that closed sessions keep their roll). A file
// may name the body by its id alone and leave out the members: the session
// then takes the roster the database holds (SPEC §12).
func (c *InitCmd) body(st *State, ctx Ctx) (*Body, error) {
	given := c.Body
	old, exists := st.Bodies[given.ID]
	if !exists {
		switch {
		case given.Name == "":
			return nil, fieldFault("body.name", "err.init_new_body", given.ID)
		case len(given.Members) == 0:
			return nil, fieldFault("members", "err.init_new_body", given.ID)
		}
		b := given
		b.Members = slices.Clone(given.Members)
		return &b, nil
	}
	if given.Name != "" && !sameTerms(old, &given) {
		return nil, Refused("err.body_differs", given.ID)
	}
	var added []Member
	for _, m := range given.Members {
		i := old.memberIndex(m.ID)
		if i < 0 {
			added = append(added, m)
			continue
		}
		om := old.Members[i]
		if om.Name != m.Name || om.Role != m.Role || om.Group != m.Group || om.Gender != m.Gender {
			return nil, Refused("err.member_differs", m.ID, given.ID)
		}
		if om.Left(c.Session.Date) {
			return nil, Refused("err.member_left", m.ID, om.Until)
		}
	}
	if len(added) == 0 {
		return old, nil
	}
	b := old.clone()
	for _, m := range added {
		if err := b.arrive(st, m, ctx); err != nil {
			return nil, err
		}
	}
	if err := b.checkSeats(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

// sameTerms reports whether a session file states the terms the body in
// the database has. Seats the file leaves out (0) are not compared.
func sameTerms(old, given *Body) bool {
	return old.Name == given.Name && old.Language == given.Language && slices.Equal(old.Rules.Quorum, given.Rules.Quorum) &&
		old.Rules.Majority == given.Rules.Majority && old.Rules.Tie == given.Rules.Tie &&
		(given.Seats == 0 || old.Seats == given.Seats) && old.Zone() == given.Zone() && old.LegalBasis == given.LegalBasis
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"err.init_new_body": {En: "the database has no body %q yet: the file must give the body's name and its members (or create it with jalsa body create)", Fr: "la base n'a pas encore d'assemblée %q : le fichier doit donner son nom et ses membres (ou créez-la avec jalsa body create)", Ar: "ليست في قاعدة البيانات هيئة %q بعد: يجب أن يتضمن الملف اسم الهيئة وأعضاءها (أو أنشئها بالأمر jalsa body create)"},
	})
}
