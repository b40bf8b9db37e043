//go:build !failpoints

package store

// Failpoints (go.etcd.io/gofail) exist only in a binary built with
// -tags failpoints, for the tests that kill or fail jalsa at them; in any
// other build they cost nothing.

type failpointName int

const (
	fpAfterCommit failpointName = iota
	fpInCommand
	fpBeforeReply
)

func failpoint(failpointName) error { return nil }
