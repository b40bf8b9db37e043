// Package demo holds the built-in demo: the Fès–Meknès chamber's June 2024
// session, conducted and closed, and its October 2024 session, ready to open.
// Names other than the president's and all figures are illustrative.
package demo

import "embed"

// Files holds the session files and the script that conducts June 2024.
//
//go:embed *.yaml *.script
var Files embed.FS

// Sessions lists the demo's session files in the order they load, each with
// the script (if any) that conducts it and the time its first sitting opens.
var Sessions = []Session{
	{File: "2024-06.yaml", Script: "2024-06.script", Start: "2024-06-24T10:00:00+01:00"},
	{File: "2024-10.yaml"},
}

// Session is one session of the demo.
type Session struct {
	File   string
	Script string
	Start  string
}
