package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/mail"
	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// jsonEncoder writes the commands' JSON: without HTML escaping, so that a Message-ID
// prints as <a@b>, not \u003ca@b\u003e (the output is no web page).
func jsonEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// withStore loads the config, opens the database and runs f; commands other than serve
// log only warnings.
func withStore(ctx context.Context, env *cliEnv, f func(cfg config.Config, db *store.DB, log *slog.Logger) error) error {
	cfg, err := env.loadConfig()
	if err != nil {
		return err
	}
	log := newLogger(config.LogConfig{Level: "warn", Format: cfg.Log.Format}, env.stderr)
	db, err := env.openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer db.Close()
	return f(cfg, db, log)
}

func newImporter(cfg config.Config, db *store.DB, stderr io.Writer, rcpt string, total int64) (*mail.Importer, error) {
	spool, err := mail.NewSpooler(cfg.SpoolDir())
	if err != nil {
		return nil, err
	}
	im := mail.NewImporter(db, spool, cfg.SMTP.MaxMessageBytes, cfg.SMTP.MaxHeaderBytes)
	im.Rcpt = rcpt
	im.Progress = progressBar(stderr, total)
	return im, nil
}

func runIngest(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: no files", errUsage)
	}
	return withStore(ctx, env, func(cfg config.Config, db *store.DB, log *slog.Logger) error {
		im, err := newImporter(cfg, db, env.stderr, env.rcpt, 0)
		if err != nil {
			return err
		}
		return report(env, im.ImportFiles(ctx, args))
	})
}

func runImport(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[0])
	}
	if (env.mbox == "") == (env.maildir == "") {
		return fmt.Errorf("%w: give exactly one of --mbox FILE or --maildir DIR", errUsage)
	}
	return withStore(ctx, env, func(cfg config.Config, db *store.DB, log *slog.Logger) error {
		var total int64
		if env.mbox != "" {
			if st, err := os.Stat(env.mbox); err == nil {
				total = st.Size()
			}
		}
		im, err := newImporter(cfg, db, env.stderr, "", total)
		if err != nil {
			return err
		}
		var res mail.ImportResult
		if env.mbox != "" {
			res, err = im.ImportMbox(ctx, env.mbox)
		} else {
			res, err = im.ImportMaildir(ctx, env.maildir)
		}
		if rerr := report(env, res); err == nil {
			err = rerr
		}
		return err
	})
}

// report prints an import's counts; failures make the command fail.
func report(env *cliEnv, res mail.ImportResult) error {
	if env.jsonOut {
		jsonEncoder(env.stdout).Encode(map[string]any{
			"recorded": res.Recorded, "duplicates": res.Duplicates, "failed": res.Failed, "errors": res.Errors})
	} else {
		fmt.Fprintf(env.stdout, "recorded %d, already recorded %d, failed %d\n", res.Recorded, res.Duplicates, res.Failed)
		for _, e := range res.Errors {
			fmt.Fprintf(env.stderr, "  %s\n", e)
		}
	}
	if res.Failed > 0 {
		return fmt.Errorf("%d of %d messages could not be recorded", res.Failed, res.Failed+res.Recorded+res.Duplicates)
	}
	return nil
}

// progressBar draws progress on a terminal, and nothing otherwise. total is bytes for an
// mbox (a percentage is shown) or 0 (a count only).
func progressBar(w io.Writer, total int64) func(int, int64) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	last := time.Time{}
	return func(n int, done int64) {
		if time.Since(last) < 100*time.Millisecond && done < total {
			return
		}
		last = time.Now()
		if total <= 0 {
			fmt.Fprintf(w, "\r%d messages", n)
			return
		}
		pct := min(100, int(done*100/total))
		bar := strings.Repeat("#", pct/4) + strings.Repeat(" ", 25-pct/4)
		fmt.Fprintf(w, "\r[%s] %3d%%  %d messages", bar, pct, n)
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}

func runMessages(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[0])
	}
	if env.limit < 1 {
		return fmt.Errorf("%w: --limit wants a positive number", errUsage)
	}
	f := store.MessageFilter{State: env.state, Limit: env.limit}
	return withStore(ctx, env, func(_ config.Config, db *store.DB, _ *slog.Logger) error {
		msgs, err := db.Messages(ctx, f)
		if err != nil {
			return err
		}
		if env.jsonOut {
			enc := jsonEncoder(env.stdout)
			for _, m := range msgs {
				if err := enc.Encode(m); err != nil {
					return err
				}
			}
			return nil
		}
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tRECEIVED\tSOURCE\tSTATE\tSIZE\tMESSAGE-ID\tERROR")
		for _, m := range msgs {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", m.ID, m.ReceivedAt.Format(time.RFC3339), m.Source,
				m.State, m.Size, m.MessageID, oneLine(m.Error))
		}
		return tw.Flush()
	})
}

// logEvent is the JSON form of an event for `liaisond log --json` (a contract).
type logEvent struct {
	ID        int64          `json:"id"`
	Time      string         `json:"time"`
	Type      string         `json:"type"`
	Message   int64          `json:"message,omitempty"`
	Statement int64          `json:"statement,omitempty"`
	Actor     string         `json:"actor,omitempty"`
	Detail    map[string]any `json:"detail,omitempty"`
}

func runLog(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[0])
	}
	var since time.Time
	if env.since != "" {
		t, err := parseSince(env.since, time.Now())
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		since = t
	}
	return withStore(ctx, env, func(_ config.Config, db *store.DB, _ *slog.Logger) error {
		return printLog(ctx, env, db, since, env.follow)
	})
}

// parseSince accepts an RFC 3339 time, a date, or a duration back from now ("2h").
func parseSince(s string, now time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(s); err == nil {
		return now.Add(-d), nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--since %q: want RFC 3339, YYYY-MM-DD or a duration like 2h", s)
}

// printLog prints events; with follow it keeps polling for events written by any process
// (the daemon writes them; SQLite's WAL lets us read while it writes).
func printLog(ctx context.Context, env *cliEnv, db *store.DB, since time.Time, follow bool) error {
	var after int64
	for {
		evs, err := db.Events(ctx, store.EventFilter{AfterID: after, Since: since, Limit: 1000})
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		for _, e := range evs {
			if err := printEvent(env, e); err != nil {
				return err
			}
			after = e.ID
		}
		if len(evs) == 1000 {
			continue
		}
		if !follow {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(300 * time.Millisecond):
		}
	}
}

func printEvent(env *cliEnv, e store.Event) error {
	if env.jsonOut {
		return jsonEncoder(env.stdout).Encode(logEvent{
			ID: e.ID, Time: e.Time.Format(time.RFC3339Nano), Type: e.Type, Message: e.Message,
			Statement: e.Statement, Actor: e.Actor, Detail: e.Detail})
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %-10s", e.Time.Format("2006-01-02T15:04:05.000Z07:00"), e.Type)
	if e.Message != 0 {
		fmt.Fprintf(&b, " message=%d", e.Message)
	}
	if e.Statement != 0 {
		fmt.Fprintf(&b, " statement=%d", e.Statement)
	}
	if e.Actor != "" {
		fmt.Fprintf(&b, " actor=%s", e.Actor)
	}
	if len(e.Detail) > 0 {
		b.WriteString(" " + review.DetailText(e.Detail))
	}
	_, err := fmt.Fprintln(env.stdout, b.String())
	return err
}

func runReprocess(ctx context.Context, env *cliEnv, args []string) error {
	if env.all == (len(args) == 1) || len(args) > 1 {
		return fmt.Errorf("%w: give one message ID or --all", errUsage)
	}
	return withStore(ctx, env, func(cfg config.Config, db *store.DB, log *slog.Logger) error {
		if env.all {
			n, err := db.RequeueAll(ctx, "cli")
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stderr, "requeued %d messages\n", n)
		} else {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("%w: %q is not a message ID", errUsage, args[0])
			}
			if err := db.RequeueMessage(ctx, id, "cli"); err != nil {
				return err
			}
		}
		if _, err := db.RequeueConversions(ctx); err != nil {
			return err
		}
		// Process now, here; a running daemon would also pick the jobs up, and the
		// store's claims make sure each runs once.
		office := convert.NewOffice(cfg.LibreOffice, log)
		defer office.Close()
		work, conv := newPipeline(cfg, db, office, log, nil, nil)
		n := work.RunOnce(ctx)
		fmt.Fprintf(env.stderr, "processed %d messages\n", n)
		if err := office.Available(); err != nil {
			fmt.Fprintf(env.stderr, "no PDF conversion: %v\n", err)
			return nil
		}
		for conv.RunOnce(ctx) > 0 {
		}
		// Messages whose text came from their PDF are due again.
		work.RunOnce(ctx)
		return nil
	})
}

func runConfig(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) != 1 || args[0] != "check" {
		return fmt.Errorf("%w: the only config command is check", errUsage)
	}
	cfg, err := env.loadConfig()
	if err != nil {
		return err
	}
	out, err := cfg.TOML()
	if err != nil {
		return err
	}
	fmt.Fprint(env.stdout, out)
	for _, w := range cfg.Warnings() {
		fmt.Fprintln(env.stderr, "warning: "+w)
	}
	fmt.Fprintln(env.stderr, "config ok")
	return nil
}

func runBackup(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: give the backup file name", errUsage)
	}
	return withStore(ctx, env, func(_ config.Config, db *store.DB, _ *slog.Logger) error {
		if err := db.Backup(ctx, args[0]); err != nil {
			return err
		}
		fmt.Fprintf(env.stderr, "backup written to %s\n", args[0])
		return nil
	})
}
