package cli

// table is every command of jalsa, in the order `jalsa help` lists them.
// Adding a command is one entry here, its function with its flags struct,
// and its wording in the catalog: help.KEY (what it does, one line),
// help.KEY.long, help.KEY.example and flag.NAME (or flag.KEY.NAME) for
// each flag; TestTable says what is missing. (It is filled in init: the
// commands' functions run commands themselves.)
var table []*Command

func init() {
	table = []*Command{
		{Name: "", Group: "program", Owns: true, Do: with(runUI)},

		{Name: "init", Group: "conduct", Args: []Arg{argsFile}, Writes: true, Creates: true, Do: with(runInit)},
		{Name: "open", Group: "conduct", Args: []Arg{argsSession}, Writes: true, Do: with(runOpen)},
		{Name: "attend", Group: "conduct", Args: []Arg{argsSession}, Writes: true, Do: with(runAttend)},
		{Name: "item", Group: "conduct", Args: []Arg{argsSession, argsItem,
			{Name: "ACTION", Kind: argChoice, Values: []string{"start", "done", "defer", "withdraw", "note"}},
			{Name: "TEXT", Optional: true, Many: true}}, Writes: true, Do: with(runItem)},
		{Name: "note", Group: "conduct", Args: []Arg{argsSession, argsItem, {Name: "NOTE"},
			{Name: "ACTION", Kind: argChoice, Values: []string{"correct", "withdraw"}},
			{Name: "TEXT", Optional: true, Many: true}}, Writes: true, Do: with(runNote)},
		{Name: "speaker", Group: "conduct", Args: []Arg{argsSession, argsItem, {Name: "MEMBER", Kind: argMember, Or: "guest"},
			{Name: "ACTION", Kind: argChoice, Values: []string{"add", "start", "done", "remove"}}}, Writes: true, Do: with(runSpeaker)},
		{Name: "amend", Group: "conduct", Args: []Arg{argsSession, argsItem, {Name: "LINE", Kind: argLine}, {Name: "AMOUNT"}},
			Writes: true, Do: with(runAmend)},
		{Name: "vote", Group: "conduct", Args: []Arg{argsSession, argsItem}, Writes: true, Do: with(runVote)},
		{Name: "correct", Group: "conduct", Args: []Arg{argsSession, argsItem}, Writes: true, Do: with(runCorrect)},
		{Name: "suspend", Group: "conduct", Args: []Arg{argsSession}, Writes: true, Do: with(runSuspend)},
		{Name: "close", Group: "conduct", Args: []Arg{argsSession}, Writes: true, Do: with(runClose)},

		{Name: "sessions", Group: "lookup", Do: with(runSessions)},
		{Name: "status", Group: "lookup", Args: []Arg{argsSession}, Do: with(runStatus)},
		{Name: "decisions", Group: "lookup", Args: []Arg{{Name: "QUERY", Optional: true, Many: true}}, Do: with(runDecisions)},
		{Name: "show", Group: "lookup", Args: []Arg{{Name: "REF", Kind: argRef}}, Do: with(runShow)},
		{Name: "minutes", Group: "lookup", Args: []Arg{argsSession}, Do: with(runMinutes)},

		{Name: "export", Group: "data", Do: with(runExport)},
		{Name: "import", Group: "data", Args: []Arg{argsFile}, Writes: true, Creates: true, Do: with(runImport)},
		{Name: "import-decisions", Group: "data", Args: []Arg{argsFile}, Writes: true, Creates: true, Serves: true, Do: with(runImportDecisions)},
		{Name: "backup", Group: "data", Args: []Arg{{Name: "FILE", Kind: argNewFile}}, Do: with(runBackup)},
		{Name: "verify", Group: "data", Check: true, Do: with(runVerify)},

		{Name: "demo", Group: "program", Writes: true, Owns: true, Creates: true, File: "demo.db", Do: with(runDemo)},
		{Name: "serve", Group: "program", Owns: true, Do: with(runServe)},
		{Name: "help", Group: "program", Args: []Arg{{Name: "COMMAND", Kind: argCommand, Optional: true, Many: true}}, NoDB: true, Do: with(runHelp)},
		{Name: "version", Group: "program", NoDB: true, Do: with(runVersion)},
		{Name: "completion", Group: "program", Args: []Arg{{Name: "SHELL", Kind: argChoice, Values: []string{"bash", "zsh", "fish", "powershell"}}},
			NoDB: true, Do: with(runCompletion)},
		{Name: "man", Group: "program", Args: []Arg{{Name: "DIR", Kind: argDir}}, NoDB: true, Do: with(runMan)},
	}
}

// groups are the headings of `jalsa help`, in order.
var groups = []string{"conduct", "lookup", "data", "program"}
