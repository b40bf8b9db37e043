package tui

import (
	"sync"

	"github.com/jalsa-app/jalsa/model"
)

// Access is the role a UI acts in, shared with whoever may change it while
// the UI runs (the SSH server, when the operators file gives the operator
// another role). A change takes effect when Set returns, not when the UI
// next reads its messages: a write holds Access for reading, so Set waits
// for a write under way and every write after Set sees the new role.
type Access struct {
	mu   sync.RWMutex
	role string
}

// NewAccess returns the Access of a UI acting in role ("" is clerk).
func NewAccess(role string) *Access {
	if role == "" {
		role = model.RoleClerk
	}
	return &Access{role: role}
}

// Set gives the UI another role. The UI shows it once it reads the RoleMsg
// the caller sends it; it writes nothing in the old role from now on.
func (a *Access) Set(role string) {
	a.mu.Lock()
	a.role = role
	a.mu.Unlock()
}

// Role is the role now.
func (a *Access) Role() string {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.role
}

// write runs fn, which records something, while the role cannot change,
// or refuses it when the role may not write.
func (a *Access) write(fn func() error) error {
	a.mu.RLock()
	defer a.mu.RUnlock()
	if a.role != model.RoleClerk {
		return model.Refused("err.role_readonly", a.role)
	}
	return fn()
}

// RoleMsg tells a running UI that its Access was Set: the UI shows the
// role it holds now, its keys and screens, in place, and says so; a clerk
// who may no longer write loses what they were writing, which nothing
// could record any more.
type RoleMsg struct{}

// changeRole shows the UI in role, every screen afresh: a clerk who may
// no longer write loses any draft (all that was open beyond home and the
// cockpit, or a field being typed in), and text an observer typed is not
// recorded because the role now allows it.
func (m *UI) changeRole(role string) {
	c := m.c
	if role == c.Role {
		return
	}
	draft := !c.ReadOnly() && role != model.RoleClerk &&
		(m.capturing() || m.active != screenHome && m.active != screenCockpit)
	c.Role = role
	m.start()
	m.resize()
	key := "tui.role." + role
	if draft {
		key += "_dropped"
	}
	c.Info(c.T(key))
}
