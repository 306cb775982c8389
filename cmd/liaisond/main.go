// Command liaisond receives liaison statements by email, records them durably and
// publicly, and routes them. This package only parses the command line and wires the
// packages together; the logic lives in them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/store"
)

// errUsage marks a command-line mistake: exit status 2.
var errUsage = errors.New("usage")

// command is one subcommand.
type command struct {
	summary string
	usage   string // arguments after the command name
	run     func(ctx context.Context, env *cliEnv, args []string) error
	flags   func(e *cliEnv, fs *flag.FlagSet) // the command's own flags, besides the global ones
}

var commands = map[string]command{
	"serve": {summary: "run the daemon: SMTP/LMTP, IMAP pollers, workers, web", run: runServe},
	"ingest": {summary: "record messages from files or standard input", usage: "[--rcpt ADDR] FILE.eml... | -",
		run: runIngest, flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.StringVar(&e.rcpt, "rcpt", "", "envelope recipient to record")
		}},
	"extract": {summary: "parse, convert and classify one message without storing it; print the extraction JSON",
		usage: "[--rcpt ADDR] FILE.eml | -", run: runExtract, flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.StringVar(&e.rcpt, "rcpt", "", "envelope recipient (default: the Delivered-To header)")
		}},
	"import": {summary: "backfill an mbox file or a Maildir folder (idempotent)", usage: "--mbox FILE | --maildir DIR",
		run: runImport, flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.StringVar(&e.mbox, "mbox", "", "mbox file to import")
			fs.StringVar(&e.maildir, "maildir", "", "Maildir folder to import")
		}},
	"messages": {summary: "list received messages and their processing state", usage: "[--json] [--state S] [--limit N]",
		run: runMessages, flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.StringVar(&e.state, "state", "", "only messages in this state (pending, running, done, failed, duplicate)")
			fs.IntVar(&e.limit, "limit", 100, "at most this many")
		}},
	"log": {summary: "print the record log; -f follows new events", usage: "[-f] [--json] [--since T]",
		run: runLog, flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.BoolVar(&e.follow, "f", false, "follow: print new events as they are written")
			fs.StringVar(&e.since, "since", "", "only events since T (RFC 3339, YYYY-MM-DD, or a duration like 2h)")
		}},
	"reprocess": {summary: "run processing again from the raw message", usage: "ID | --all",
		run: runReprocess, flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.BoolVar(&e.all, "all", false, "every message")
		}},
	"config": {summary: "validate a config file and print the effective settings", usage: "check", run: runConfig},
	"backup": {summary: "write a consistent copy of the database", usage: "FILE", run: runBackup},
	"bench": {summary: "measure intake (durable serve against a discarding server) and processing", usage: "[--quick] [--intake] [--big] [--pipeline] [--wal-burst N] [--rounds N [--conns 1,16,64]]",
		run: runBench, flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.BoolVar(&e.quick, "quick", false, "a tenth of the messages (a twentieth of the statements)")
			fs.BoolVar(&e.intake, "intake", true, "the SMTP intake table, 1/16/64 connections")
			fs.BoolVar(&e.big, "big", true, "also 16 concurrent 25 MB messages, with peak RSS")
			fs.BoolVar(&e.pipeline, "pipeline", true, "bursts of 1,000 statements processed end to end, with and without LibreOffice")
			fs.IntVar(&e.walBurst, "wal-burst", 0, "also a burst of N statements over 8 connections, with the write-ahead log's peak and its size a minute after")
			fs.IntVar(&e.rounds, "rounds", 0, "only the 4 KB intake rows, in N interleaved rounds of discard, floor (1 connection) then durable, with the median ratios")
			fs.Func("conns", "with --rounds: the rows to run, by connections (1, 16, 64; default all)", func(v string) error {
				for _, f := range strings.Split(v, ",") {
					n, err := strconv.Atoi(strings.TrimSpace(f))
					if err != nil {
						return err
					}
					e.conns = append(e.conns, n)
				}
				return nil
			})
		}},
	"bench-sink": {summary: "(used by bench) an SMTP server that discards messages, or with --sync writes and flushes each", usage: "--listen ADDR [--sync FILE]",
		run: runBenchSink, flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.StringVar(&e.listen, "listen", "127.0.0.1:2526", "address to listen on")
			fs.StringVar(&e.syncTo, "sync", "", "write each message to this file and fdatasync it before the 250")
		}},
	"user": userCommand(),
	"send": sendCommand(),
	"list": {summary: "list statements", usage: "[--json] [--state queued|posted|rejected|failed] [--direction incoming|outgoing] [--limit N]", run: runList, flags: func(e *cliEnv, fs *flag.FlagSet) {
		fs.StringVar(&e.state, "state", "", "only statements in this state")
		fs.StringVar(&e.direction, "direction", "", "only incoming or outgoing statements")
		fs.IntVar(&e.limit, "limit", 100, "at most this many")
	}},
	"show":         {summary: "one statement: fields, evidence, attachments, related, history", usage: "ID [--json]", run: runShow},
	"queue":        {summary: "what waits for a liaison manager", usage: "[--json]", run: runQueue},
	"approve":      {summary: "post a statement (it is then distributed)", usage: "ID", run: runApprove},
	"reject":       {summary: "reject a statement as not a statement", usage: "ID [REASON...]", run: runReject},
	"edit":         {summary: "set fields of a statement", usage: "ID FIELD=VALUE...", run: runEdit},
	"reroute":      {summary: "send a statement to directory groups (and post it, or distribute it again)", usage: "ID GROUP...", run: runReroute},
	"action-taken": {summary: "mark a For-Action statement as answered", usage: "ID", run: runActionTaken},
}

func main() {
	convert.RunChildIfRequested() // a PDF-reading child process exits here
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	name := args[0]
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "liaisond: unknown command %q\n", name)
		printUsage(stderr)
		return 2
	}
	env := &cliEnv{stdout: stdout, stderr: stderr, name: name}
	positional, err := parseInterleaved(env.flags(cmd), args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err = cmd.run(ctx, env, positional)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "liaisond %s: %v\nusage: liaisond %s %s\n", name, err, name, cmd.usage)
		return 2
	default:
		fmt.Fprintf(stderr, "liaisond %s: %s\n", name, oneLine(err.Error()))
		return 1
	}
}

// parseInterleaved parses flags wherever they stand ("config check --config F"), and
// returns the other arguments in order; "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional, args = append(positional, args[0]), args[1:]
	}
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, "usage: liaisond COMMAND [--config FILE] [--data DIR] [options]\n\ncommands:\n")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// cliEnv carries what every command shares: the global flags and the output streams.
type cliEnv struct {
	stdout, stderr io.Writer
	name           string
	configPath     string
	dataDir        string
	jsonOut        bool

	// command flags
	rcpt, mbox, maildir, state, since string
	direction                         string
	limit                             int
	follow, all, quick, big           bool
	intake, pipeline                  bool
	walBurst, rounds                  int
	conns                             []int
	listen, syncTo                    string
	send                              sendFlags
	childEnv                          []string // environment added for child processes (tests)
}

func (e *cliEnv) flags(cmd command) *flag.FlagSet {
	fs := flag.NewFlagSet("liaisond "+e.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.configPath, "config", "", "config file (default: embedded defaults)")
	fs.StringVar(&e.dataDir, "data", "", "data folder (default ./liaisond-data, or data_dir of the config)")
	fs.BoolVar(&e.jsonOut, "json", false, "print JSON (one object per line)")
	if cmd.flags != nil {
		cmd.flags(e, fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: liaisond %s %s\n%s\n", e.name, cmd.usage, cmd.summary)
		fs.PrintDefaults()
	}
	return fs
}

// loadConfig reads the config and applies --data.
func (e *cliEnv) loadConfig() (config.Config, error) {
	cfg, err := config.Load(e.configPath)
	if err != nil {
		return cfg, err
	}
	if e.dataDir != "" {
		cfg.DataDir = e.dataDir
	}
	return cfg, nil
}

// openStore opens the database of the configured data folder.
func (e *cliEnv) openStore(ctx context.Context, cfg config.Config, log *slog.Logger) (*store.DB, error) {
	return store.Open(ctx, cfg.DatabasePath(), storeOptions(cfg.Store, log))
}

// storeOptions maps the [store] config onto the store's options.
func storeOptions(c store.Tuning, log *slog.Logger) store.Options {
	if c.GroupWait == 0 {
		c.GroupWait = -1 // the store reads 0 as "its default"; in the config file 0 means no wait
	}
	return store.Options{Logger: log, Tuning: c}
}

// logger builds the process logger from the config: to standard error, text or JSON.
func newLogger(cfg config.LogConfig, w io.Writer) *slog.Logger {
	var level slog.Level
	level.UnmarshalText([]byte(cfg.Level))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
