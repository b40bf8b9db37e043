package server

import (
	"net/netip"
	"sync"
	"time"
)

// Penalties a source earns for a connection that does not authenticate,
// with the defaults of OpenSSH's PerSourcePenalties: they add up, and a
// source is refused once what it has earned exceeds penaltyMin, for at
// most penaltyMax.
const (
	penaltyAuthFail = 5 * time.Second
	penaltyNoAuth   = 1 * time.Second
	penaltyGrace    = 10 * time.Second
	penaltyMin      = 15 * time.Second
	penaltyMax      = 10 * time.Minute
	// maxSources bounds the table, as sshd's max-sources does; past it
	// the oldest penalties are forgotten first.
	maxSources = 65536
)

// penalties are the per-source penalties of a server. Sources are IPv4
// addresses and IPv6 /64 networks (sshd's PerSourceNetBlockSize), so an
// attacker cannot dodge them by hopping within its own network.
type penalties struct {
	now func() time.Time

	mu sync.Mutex
	by map[netip.Prefix]*penalty
}

type penalty struct {
	expiry time.Time
	active bool
}

func newPenalties(now func() time.Time) *penalties {
	return &penalties{now: now, by: map[netip.Prefix]*penalty{}}
}

// block is the network a source's penalties are counted on.
func block(a netip.Addr) netip.Prefix {
	bits := 32
	if a.Is6() {
		bits = 64
	}
	p, _ := a.Prefix(bits)
	return p
}

// add gives a's source d more penalty and reports whether that makes the
// source refused now when it was not before.
func (p *penalties) add(a netip.Addr, d time.Duration) bool {
	if !a.IsValid() {
		return false
	}
	now := p.now()
	p.mu.Lock()
	defer p.mu.Unlock()
	k := block(a)
	pen := p.by[k]
	if pen == nil || !pen.expiry.After(now) {
		if len(p.by) >= maxSources {
			p.expire(now)
		}
		pen = &penalty{expiry: now}
		p.by[k] = pen
	}
	pen.expiry = pen.expiry.Add(d)
	if limit := now.Add(penaltyMax); pen.expiry.After(limit) {
		pen.expiry = limit
	}
	was := pen.active
	pen.active = was || pen.expiry.Sub(now) > penaltyMin
	return pen.active && !was
}

// left is how long a's source stays refused.
func (p *penalties) left(a netip.Addr) time.Duration {
	if !a.IsValid() {
		return 0
	}
	now := p.now()
	p.mu.Lock()
	defer p.mu.Unlock()
	pen := p.by[block(a)]
	if pen == nil || !pen.active || !pen.expiry.After(now) {
		return 0
	}
	return pen.expiry.Sub(now)
}

// expire forgets the penalties that have run out, and the oldest ones if
// the table is still full.
func (p *penalties) expire(now time.Time) {
	var oldest netip.Prefix
	var oldestAt time.Time
	for k, pen := range p.by {
		if !pen.expiry.After(now) {
			delete(p.by, k)
			continue
		}
		if oldestAt.IsZero() || pen.expiry.Before(oldestAt) {
			oldest, oldestAt = k, pen.expiry
		}
	}
	if len(p.by) >= maxSources {
		delete(p.by, oldest)
	}
}
