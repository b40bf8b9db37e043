package server

import (
	"testing"

	"github.com/jalsa-app/jalsa/i18n"
)

// TestCatalog checks the server's messages (and everything it links in)
// exist in the three languages with the same arguments.
func TestCatalog(t *testing.T) { i18n.CheckCatalog(t) }
