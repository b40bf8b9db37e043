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
	rep, err := st.ImportRegister(env.Actor, name, r, opt)
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
	if len(rep.Bad) > 0 {
		fmt.Fprintln(env.Stdout, i18n.T(env.lang, "cli.register_imported_skipped", rep.Imported, len(rep.Bad)))
	} else {
		fmt.Fprintln(env.Stdout, i18n.T(env.lang, "cli.register_imported", rep.Imported))
	}
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
		"cli.register_reading":          {En: "reading", Fr: "lecture", Ar: "القراءة"},
		"cli.register_indexing":         {En: "indexing", Fr: "indexation", Ar: "الفهرسة"},
		"cli.register_file":             {En: "%s", Fr: "%s", Ar: "%s"},
		"cli.register_imported":         {En: "%d decisions imported into the register", Fr: "%d décisions importées dans le registre", Ar: "تم استيراد %d مقررا إلى السجل"},
		"cli.register_imported_skipped": {En: "%d decisions imported into the register; %d bad rows skipped", Fr: "%d décisions importées dans le registre ; %d lignes incorrectes ignorées", Ar: "تم استيراد %d مقررا إلى السجل؛ وأهمل %d سطرا خاطئا"},
		"cli.index_rebuilt":             {En: "search index rebuilt: %d decisions", Fr: "index de recherche reconstruit : %d décisions", Ar: "أعيد بناء فهرس البحث: %d مقررا"},
	})
}
