//go:build tools

// Package main pins modules that later packages import, so go mod tidy keeps them.
package main

import (
	_ "github.com/charmbracelet/bubbles/key"
	_ "github.com/charmbracelet/bubbletea"
	_ "github.com/charmbracelet/lipgloss"
	_ "github.com/charmbracelet/wish"
	_ "github.com/charmbracelet/x/exp/teatest"
	_ "github.com/go-text/typesetting/bidi"
	_ "github.com/spf13/pflag"
	_ "go.etcd.io/bbolt"
	_ "golang.org/x/crypto/ssh"
	_ "golang.org/x/text/unicode/norm"
	_ "gopkg.in/yaml.v3"
)
