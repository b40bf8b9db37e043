package server

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

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
	if errors.Is(err, fs.ErrNotExist) {
		if data, err = newHostKey(path); err != nil {
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

// newHostKey writes a new ed25519 key to path (never over an existing file)
// and returns its PEM bytes.
func newHostKey(path string) ([]byte, error) {
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
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	data := pem.EncodeToMemory(block)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, err
	}
	// The .pub is for operators' known_hosts; the server never reads it.
	_ = os.WriteFile(path+".pub", gossh.MarshalAuthorizedKey(sshPub), 0o644)
	return data, nil
}
