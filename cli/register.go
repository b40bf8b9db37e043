package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/jalsa-app/jalsa/i18n"
	"github.com/jalsa-app/jalsa/model"
	"github.com/jalsa-app/jalsa/store"
)

// importDecisionsFlags are `jalsa import-decisions`' flags.
type importDecisionsFlags struct {
	SkipBad bool `flag:"skip-bad"`
}

// runImportDecisions loads a past register. Bad rows are listed on stderr
// one per line, FILE:LINE: FIELD: reason, like a compiler's errors, so an
// editor can jump to them.
func runImportDecisions(c *call, f *importDecisionsFlags) error {
	env, st := c.Env, c.st
	name := c.args[0]
	in, err := openInput(env, name)
	if err != nil {
		return err
	}
	defer in.Close()
	opt := store.RegisterOptions{SkipBad: f.SkipBad}
	var r io.Reader = in
	var bar *progressBar
	if env.Terminal {
		var size int64
		if f, ok := in.(*os.File); ok {
			if fi, err := f.Stat(); err == nil {
				size = fi.Size()
			}
		}
		bar = newProgressBar(env.Stderr)
		r = &countingReader{r: in, fn: func(n int64) { bar.show(i18n.T(env.lang, "cli.register_reading"), n, size) }}
		opt.Progress = func(done, total int) { bar.show(i18n.T(env.lang, "cli.register_indexing"), int64(done), int64(total)) }
	}
	rep, err := st.ImportRegister(env.origin(), name, r, opt)
	bar.clear()
	for _, bad := range rep.Bad {
		fmt.Fprintln(env.Stderr, bad.In(env.lang))
	}
	var fileErr *store.RowError
	if errors.As(err, &fileErr) {
		return model.Usage("cli.register_file", fileErr.In(env.lang))
	}
	if err != nil {
		return err
	}
	msg := i18n.T(env.lang, "cli.register_imported", rep.Imported)
	if len(rep.Bad) > 0 {
		msg += i18n.T(env.lang, "cli.register_skipped", len(rep.Bad))
	}
	fmt.Fprintln(env.Stdout, msg)
	return nil
}

// repairIndex rebuilds the search index for `verify --repair-index`.
func repairIndex(env *Env, st *store.Store) error {
	n, err := st.RepairIndex()
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(env.lang, "cli.index_rebuilt", n))
	return nil
}

// countingReader reports how many bytes went through it.
type countingReader struct {
	r  io.Reader
	n  int64
	fn func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.fn(c.n)
	return n, err
}

// progressBar draws one line on a terminal, redrawn in place at most every
// 100 ms. A nil bar draws nothing.
type progressBar struct {
	w     io.Writer
	last  time.Time
	shown bool
}

// barWidth fits the bar, its label and the counts in 80 columns.
const barWidth = 30

func newProgressBar(w io.Writer) *progressBar { return &progressBar{w: w} }

func (b *progressBar) show(label string, done, total int64) {
	if b == nil || total <= 0 || (time.Since(b.last) < 100*time.Millisecond && done < total) {
		return
	}
	b.last = time.Now()
	b.shown = true
	full := int(min(done, total) * barWidth / total)
	fmt.Fprintf(b.w, "\r%s %s%s %3d%% %d/%d\x1b[K", label, strings.Repeat("█", full), strings.Repeat("░", barWidth-full),
		min(done, total)*100/total, done, total)
}

// clear erases the bar, so what follows starts on a clean line.
func (b *progressBar) clear() {
	if b != nil && b.shown {
		fmt.Fprint(b.w, "\r\x1b[K")
	}
}

func init() {
	i18n.Register(map[string]i18n.Text{
		"cli.register_reading":  {En: "reading", Fr: "lecture", Ar: "القراءة"},
		"cli.register_indexing": {En: "indexing", Fr: "indexation", Ar: "الفهرسة"},
		"cli.register_file":     {En: "%s", Fr: "%s", Ar: "%s"},
	})
	i18n.RegisterCounted(map[string]i18n.Counted{
		"cli.register_imported": {Arg: 1,
			En: i18n.Forms{One: "%d decision imported into the register", Other: "%d decisions imported into the register"},
			Fr: i18n.Forms{One: "%d décision importée dans le registre", Other: "%d décisions importées dans le registre"},
			Ar: i18n.Forms{Zero: "لم يستورد أي مقرر إلى السجل", One: "تم استيراد مقرر واحد إلى السجل", Two: "تم استيراد مقررين إلى السجل", Few: "تم استيراد %d مقررات إلى السجل", Many: "تم استيراد %d مقررا إلى السجل", Other: "تم استيراد %d مقرر إلى السجل"}},
		"cli.register_skipped": {Arg: 1,
			En: i18n.Forms{One: "; %d bad row skipped", Other: "; %d bad rows skipped"},
			Fr: i18n.Forms{One: " ; %d ligne incorrecte ignorée", Other: " ; %d lignes incorrectes ignorées"},
			Ar: i18n.Forms{One: "؛ وأهمل سطر خاطئ واحد", Two: "؛ وأهمل سطران خاطئان", Few: "؛ وأهمل %d أسطر خاطئة", Many: "؛ وأهمل %d سطرا خاطئا", Other: "؛ وأهمل %d سطر خاطئ"}},
		"cli.index_rebuilt": {Arg: 1,
			En: i18n.Forms{One: "search index rebuilt: %d decision", Other: "search index rebuilt: %d decisions"},
			Fr: i18n.Forms{One: "index de recherche reconstruit : %d décision", Other: "index de recherche reconstruit : %d décisions"},
			Ar: i18n.Forms{Zero: "أعيد بناء فهرس البحث: لا مقررات", One: "أعيد بناء فهرس البحث: مقرر واحد", Two: "أعيد بناء فهرس البحث: مقرران", Few: "أعيد بناء فهرس البحث: %d مقررات", Many: "أعيد بناء فهرس البحث: %d مقررا", Other: "أعيد بناء فهرس البحث: %d مقرر"}},
	})
}
