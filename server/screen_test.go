package server

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/jalsa-app/jalsa/cli"
	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/server/internal/sshclient"
	"github.com/jalsa-app/jalsa/tui"
	"github.com/jalsa-app/jalsa/tui/bidi"
	gossh "golang.org/x/crypto/ssh"
)

var english = map[string]string{"LANG": "en_US.UTF-8"}

// firstVote is the vote recorded on item n of the October session.
func (f *fixture) firstVote(n int) *model.Vote {
	var v model.Vote
	f.st.Read(func(s *model.State) { v = *s.Sessions["2024-10"].Items[n-1].Vote })
	return &v
}

// A change made anywhere (another client's command, a command on the
// server's store as the socket runs it) reaches every screen, whatever its
// role, without anyone touching a key.
func TestEveryScreenFollowsEveryChange(t *testing.T) {
	f := newFixture(t, nil)
	ctx := waitCtx(t)
	screens := map[string]*sshclient.Screen{}
	for _, o := range testOperators {
		screens[o.role] = f.screen(o.name, english)
	}
	for role, s := range screens {
		if err := s.WaitText(ctx, 0, "jalsa"); err != nil {
			t.Fatalf("%s: %v", role, err)
		}
	}
	display := screens["display"]

	marks := map[string]int{}
	for role, s := range screens {
		marks[role] = s.Mark()
	}
	if r := f.run("fatima", "vote 2024-10 1 --for 60 --against 0 --abstain 2", nil); r.Code != 0 {
		t.Fatalf("vote: exit %d: %s", r.Code, r.Stderr)
	}
	v := f.firstVote(1)
	counts := i18n.T("en", "tui.vote.counts", 60, 0, 2)
	for role, s := range screens {
		want := counts
		if role == "display" {
			// The audience display: the explanation under large digits.
			want = model.Explain("en", v)
		}
		if err := s.WaitText(ctx, marks[role], want); err != nil {
			t.Errorf("%s: %v", role, err)
		}
	}
	if !strings.Contains(display.Text(marks["display"]), "███") {
		t.Error("the display does not show the counts in large digits")
	}

	mark := display.Mark()
	f.local("item", "2024-10", "3", "start")
	heading := i18n.T("en", "tui.item.heading", 3, 10, i18n.T("en", "kind.agreement"))
	if err := display.WaitText(ctx, mark, heading); err != nil {
		t.Errorf("display after item 3 started on the server: %v", err)
	}
}

// An observer sees everything and every attempt to change something is
// refused with the reason; the record does not move.
func TestObserverScreenChangesNothing(t *testing.T) {
	f := newFixture(t, nil)
	ctx := waitCtx(t)
	before := f.st.Seq()
	refused := i18n.T("en", "err.role_readonly", "observer")
	// One screen per key: the same refusal twice would not be redrawn.
	for _, k := range []string{"v", "s", "d", "o", "c"} {
		obs := f.screen("vice-president", english)
		if err := obs.WaitText(ctx, 0, "jalsa · 2024-10"); err != nil {
			t.Fatal(err)
		}
		mark := obs.Mark()
		if err := obs.Type(k); err != nil {
			t.Fatal(err)
		}
		if err := obs.WaitText(ctx, mark, refused); err != nil {
			t.Errorf("key %s: %v", k, err)
		}
		obs.Close()
	}
	if f.st.Seq() != before {
		t.Error("an observer's keys changed the record")
	}
}

// A display goes straight to the audience display and takes no orders.
func TestDisplayOpensTheAudienceDisplay(t *testing.T) {
	f := newFixture(t, nil)
	f.local("vote", "2024-10", "1", "--for", "50", "--against", "20", "--abstain", "5")
	ctx := waitCtx(t)
	disp := f.screen("hall-projector", english)
	nothing := i18n.T("en", "tui.audience.nothing")
	if err := disp.Wait(ctx, 0, func(text string) bool {
		return strings.Contains(text, model.Explain("en", f.firstVote(1))) || strings.Contains(text, nothing)
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(disp.Text(0), nothing) {
		t.Fatal("a display opened during a sitting shows " + nothing)
	}
	before := f.st.Seq()
	mark := disp.Mark()
	if err := disp.Type("sv/"); err != nil {
		t.Fatal(err)
	}
	f.local("item", "2024-10", "3", "start")
	heading := i18n.T("en", "tui.item.heading", 3, 10, i18n.T("en", "kind.agreement"))
	if err := disp.WaitText(ctx, mark, heading); err != nil {
		t.Fatal(err)
	}
	if f.st.Seq() != before+1 {
		t.Error("a display's keys changed the record")
	}
}

// Each client is drawn in its own language, and in bidi app mode the
// terminal is put in explicit mode for the session and given it back.
func TestScreensAreEachClientsOwn(t *testing.T) {
	f := newFixture(t, func(o *cli.ServeOptions) { o.Bidi = "auto" })
	ctx := waitCtx(t)
	fr := f.screen("vice-president", map[string]string{"LANG": "fr_FR.UTF-8"})
	konsole := f.screen("fatima", map[string]string{"LANG": "ar_MA.UTF-8", "KONSOLE_VERSION": "230804"})
	if err := fr.WaitText(ctx, 0, i18n.T("fr", "state.open")); err != nil {
		t.Fatalf("French screen: %v", err)
	}
	if err := konsole.WaitText(ctx, 0, i18n.T("ar", "state.open")); err != nil {
		t.Fatalf("Arabic screen: %v", err)
	}
	if i := strings.Index(fr.Raw(), bidi.EnterExplicit); i < 0 || i > strings.Index(fr.Raw(), ansi.SetModeAltScreenSaveCursor) {
		t.Errorf("app mode (xterm): no CSI 8 l before the UI: %.60q", fr.Raw())
	}
	if strings.Contains(konsole.Raw(), bidi.EnterExplicit) {
		t.Error("terminal mode (Konsole): jalsa asked for explicit mode")
	}
	if err := fr.Type("\x03"); err != nil { // ctrl+c
		t.Fatal(err)
	}
	select {
	case <-fr.Done():
	case <-ctx.Done():
		t.Fatal("ctrl+c did not end the session")
	}
	if !strings.HasSuffix(fr.Raw(), bidi.LeaveExplicit) {
		t.Errorf("app mode: the session does not end with CSI 8 h: %q", tail(fr.Raw(), 40))
	}
}

// Without --bidi, each operator's remembered choice (the "check your
// terminal" screen, kept beside the operators file) beats detection.
func TestRemembersEachOperatorsBidiChoice(t *testing.T) {
	f := newFixture(t, func(o *cli.ServeOptions) { o.Bidi = "" })
	if err := tui.SavePrefs(filepath.Join(f.dir, PrefsFile), "fatima", tui.Prefs{Bidi: bidi.ModeTerminal}); err != nil {
		t.Fatal(err)
	}
	ctx := waitCtx(t)
	fatima := f.screen("fatima", english)
	karim := f.screen("vice-president", english)
	for _, s := range []*sshclient.Screen{fatima, karim} {
		if err := s.WaitText(ctx, 0, "jalsa"); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Contains(fatima.Raw(), bidi.EnterExplicit) {
		t.Error("fatima chose terminal mode, yet jalsa asked her xterm for explicit mode")
	}
	if !strings.Contains(karim.Raw(), bidi.EnterExplicit) {
		t.Error("no choice remembered: an xterm should be in app mode")
	}
}

// A client that presses no key for --idle is disconnected and told why,
// however often its screen is redrawn; keys keep it; a display stays.
func TestIdleClientsAreDisconnected(t *testing.T) {
	const idle = time.Second
	f := newFixture(t, func(o *cli.ServeOptions) { o.Idle = idle.String() })
	ctx := waitCtx(t)
	obs := f.screen("vice-president", english)
	disp := f.screen("hall-projector", english)
	for _, s := range []*sshclient.Screen{obs, disp} {
		if err := s.WaitText(ctx, 0, "jalsa"); err != nil {
			t.Fatal(err)
		}
	}
	// Keys every idle/5 for two idle periods keep the observer connected.
	var lastKey time.Time
	keys := time.NewTicker(idle / 5)
	for i := 0; i < 10; i++ {
		<-keys.C
		lastKey = time.Now()
		if err := obs.Type("j"); err != nil {
			t.Fatal(err)
		}
	}
	keys.Stop()
	select {
	case <-obs.Done():
		t.Fatalf("disconnected while typing: %q", tail(obs.Text(0), 200))
	default:
	}
	// From now on only the record changes, and the screen redraws.
	changes := time.NewTicker(idle / 10)
	defer changes.Stop()
	for n := 1; ; n++ {
		select {
		case <-changes.C:
			f.local("item", "2024-10", "1", "note", "note "+string(rune('0'+n%10)))
			continue
		case <-obs.Done():
		case <-ctx.Done():
			t.Fatal("an idle client stayed connected")
		}
		break
	}
	if since := time.Since(lastKey); since < idle {
		t.Errorf("disconnected %s after the last key, before the %s limit", since, idle)
	}
	if want := "jalsa: " + i18n.T("en", "server.bye_idle", idle); !strings.Contains(obs.Text(0), want) {
		t.Errorf("the client was not told %q: %q", want, tail(obs.Text(0), 200))
	}
	select {
	case <-disp.Done():
		t.Error("the display was disconnected for idleness")
	default:
	}
}

// Stop tells every screen, ends every session, refuses newcomers and
// returns with no handler left on the store.
func TestStopTellsEveryClient(t *testing.T) {
	f := newFixture(t, nil)
	ctx := waitCtx(t)
	var screens []*sshclient.Screen
	for _, o := range testOperators {
		s := f.screen(o.name, map[string]string{"LANG": "fr"})
		if err := s.WaitText(ctx, 0, "jalsa"); err != nil {
			t.Fatal(err)
		}
		screens = append(screens, s)
	}
	if err := f.srv.Stop(); err != nil {
		t.Fatal(err)
	}
	bye := "jalsa: " + i18n.T("fr", "server.bye_shutdown")
	for i, s := range screens {
		select {
		case <-s.Done():
		case <-ctx.Done():
			t.Fatalf("%s still connected", testOperators[i].name)
		}
		if !strings.Contains(s.Text(0), bye) {
			t.Errorf("%s was not told %q: %q", testOperators[i].name, bye, tail(s.Text(0), 200))
		}
	}
	if c, err := sshclient.Dial(f.srv.Addr().String(), gossh.PublicKeys(f.keys["fatima"])); err == nil {
		c.Close()
		t.Error("a stopped server let a client in")
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
