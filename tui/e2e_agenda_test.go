package tui_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/jalsa-app/jalsa/internal/testbin"
)

// The agenda of a draft session built by keys in the real binary, in
// Arabic at 80×24: items added with their kind chosen from the list, one
// moved up, one removed after the question; `jalsa status` (through the
// socket of the UI that holds the database) sees the agenda the screen
// showed.
func TestAgendaByKeysInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the end-to-end test of the terminal UI needs it (.ci/run installs it)")
	}
	if testing.Short() {
		t.Skip("-short: the end-to-end test builds and drives the real binary")
	}
	dir := t.TempDir()
	tm := &term{t: t, socket: fmt.Sprintf("jalsa-agenda-%d", os.Getpid()), bin: testbin.Jalsa(t),
		env: []string{"JALSA_DB=" + filepath.Join(dir, "jalsa.db"), "JALSA_LANG=ar", "LANG=C.UTF-8", "TERM=xterm-256color"}}
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	roster := filepath.Join(dir, "roster.csv")
	if err := os.WriteFile(roster, []byte("المعرف,الاسم,الصفة\nm1,ناجي الفخاري,الرئيس\nm2,لطيفة الحجوي,الكاتبة\nm3,يوسف الدباغ,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm.jalsa("body", "create", "cat", "--name", "غرفة الصناعة التقليدية")
	tm.jalsa("members", "import", roster)
	tm.jalsa("new", "2025-02", "--title", "دورة فبراير", "--date", "2025-02-24")

	tm.start("--bidi", "terminal")
	tm.waitFor("2025-02", "دورة فبراير")
	tm.keys("Enter")
	tm.waitFor("قيد الإعداد")
	tm.keys("e")
	tm.waitFor("جدول أعمال الدورة 2025-02", "لا توجد أي نقطة بعد")

	add := func(title string, kindKeys ...string) {
		t.Helper()
		tm.keys("+")
		tm.waitFor("نقطة جديدة")
		tm.typ(title)
		tm.keys("Tab")
		if len(kindKeys) > 0 {
			tm.keys(kindKeys...)
		}
		tm.keys("Enter")
	}
	add("المصادقة على المحضر", "Left", "Left")
	tm.waitFor("أضيفت النقطة 1", "محضر")
	add("اتفاقية الشراكة")
	tm.waitFor("أضيفت النقطة 2", "اتفاقية")
	add("الميزانية", "Right", "Right")
	tm.waitFor("أضيفت النقطة 3", "ميزانية")

	// The budget goes up one place; then the agreement, now last, goes.
	tm.keys("K")
	tm.waitFor("نقلت النقطة 3 إلى الموضع 2")
	tm.keys("j", "x")
	tm.waitFor("هل تحذف النقطة 3 «اتفاقية الشراكة» من جدول الأعمال؟")
	tm.keys("Enter")
	tm.waitFor("حذفت النقطة 3")

	var st struct {
		State string `json:"state"`
		Items []struct {
			N     int    `json:"n"`
			Title string `json:"title"`
			Kind  string `json:"kind"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(tm.jalsa("status", "2025-02", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range st.Items {
		got = append(got, fmt.Sprintf("%d %s %s", it.N, it.Kind, it.Title))
	}
	if want := []string{"1 minutes المصادقة على المحضر", "2 budget الميزانية"}; st.State != "draft" || !slices.Equal(got, want) {
		t.Errorf("status after the keys: %s %v, want draft %v", st.State, got, want)
	}
	tm.keys("Escape")
	tm.waitFor("قيد الإعداد")
	tm.keys("q")
	if code := tm.waitDead(); code != "0" {
		t.Errorf("jalsa exited %s", code)
	}
}
