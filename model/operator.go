package model

// Roles of operators (SPEC §7): what a person at a terminal may do, as
// opposed to a member's role in the body. Local users are clerks.
const (
	// RoleClerk may change things.
	RoleClerk = "clerk"
	// RoleObserver sees everything and changes nothing.
	RoleObserver = "observer"
	// RoleDisplay only shows the audience screen.
	RoleDisplay = "display"
)
