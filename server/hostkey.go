package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/jalsa-app/jalsa/internal/atomicfile"
	"github.com/jalsa-app/jalsa/model"
	gossh "golang.org/x/crypto/ssh"
)

// loadHostKey returns the server's host key from path, generating it the
// first time (ed25519, mode 0600, with its .pub beside it) so that clients
// see the same host from one run to the next. wish.WithHostKeyPath would
// generate it as well, but its key generator also chmods an existing parent
// directory to 0700, which is no business of ours when the key is given as
// ./host_key or /tmp/key.
func loadHostKey(path string) (gossh.Signer, error) {
	fail := func(err error) error { return model.Failure("server.host_key", path, err.Error()) }
	data, err := os.ReadFile(path)
	// An empty file is what an older jalsa killed between creating its key
	// file and writing it left behind: it holds no identity to keep.
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(data) == 0 {
		if data, err = newHostKey(path, err == nil); err != nil {
			return nil, fail(err)
		}
	} else if err != nil {
		return nil, fail(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fail(err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, model.Failure("server.host_key_open", path, fi.Mode().Perm())
	}
	signer, err := gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, fail(err)
	}
	return signer, nil
}

// newHostKey writes a new ed25519 key to path and returns its PEM bytes.
// The key is written whole to a temporary file beside path and linked into
// place, so that a kill leaves no key or the whole key, never an empty
// file that every later start would refuse; and since a link never
// replaces a file, two first starts at once both use the key that got
// there first. replace allows path to be replaced (it is empty).
func newHostKey(path string, replace bool) ([]byte, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "jalsa host key")
	if err != nil {
		return nil, err
	}
	sshPub, err := gossh.NewPublicKey(pub)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+"-*") // mode 0600
	if err != nil {
		return nil, err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, err
	}
	if replace {
		err = os.Rename(f.Name(), path)
	} else {
		err = os.Link(f.Name(), path)
	}
	if errors.Is(err, fs.ErrExist) {
		return os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	if err := atomicfile.SyncDir(dir); err != nil {
		return nil, err
	}
	// The .pub is for operators' known_hosts; the server never reads it.
	_ = os.WriteFile(path+".pub", gossh.MarshalAuthorizedKey(sshPub), 0o644)
	return data, nil
}
