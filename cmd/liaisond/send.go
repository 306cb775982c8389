package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/outgoing"
	"github.com/liaisond/liaisond/store"
)

// listFlag is a flag that may be given several times, each value possibly a
// comma-separated list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			*l = append(*l, p)
		}
	}
	return nil
}

// sendFlags are the flags of `liaisond send`.
type sendFlags struct {
	as, purpose, title, body, deadline, comment string
	from, to, cc, attach                        listFlag
	inResponseTo                                int64
}

func sendCommand() command {
	return command{
		summary: "statements sent from the IETF: compose one (it waits for approval), approve or return it",
		usage: "new --as ADDR --from GROUP... --to BODY... --purpose P --title T --body FILE [--deadline D] [--attach FILE]... " +
			"[--cc ADDR]... [--in-response-to ID] | approve ID --as ADDR | return ID --as ADDR --comment TEXT",
		run: runSend,
		flags: func(e *cliEnv, fs *flag.FlagSet) {
			s := &e.send
			fs.StringVar(&s.as, "as", "", "the address of the person acting (their roles come from the directory)")
			fs.Var(&s.from, "from", "a group, area, IETF, IESG or IAB the statement is from (repeatable)")
			fs.Var(&s.to, "to", "a body of the directory it is to (repeatable)")
			fs.Var(&s.cc, "cc", "a further directory address to copy (repeatable)")
			fs.Var(&s.attach, "attach", "a file to attach (repeatable)")
			fs.StringVar(&s.purpose, "purpose", "", "information, action or response")
			fs.StringVar(&s.title, "title", "", "the statement's title")
			fs.StringVar(&s.body, "body", "", "file holding the statement's text (plain text; - for standard input)")
			fs.StringVar(&s.deadline, "deadline", "", "YYYY-MM-DD; required for action")
			fs.StringVar(&s.comment, "comment", "", "why a statement is returned to its author")
			fs.Int64Var(&s.inResponseTo, "in-response-to", 0, "the id of the incoming statement this answers")
		},
	}
}

func runSend(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: new, approve or return", errUsage)
	}
	f := env.send
	if f.as == "" {
		return fmt.Errorf("%w: --as ADDR names who acts", errUsage)
	}
	return withStore(ctx, env, func(cfg config.Config, db *store.DB, _ *slog.Logger) error {
		svc := &outgoing.Service{DB: db, Roles: directory.New(cfg)}
		switch args[0] {
		case "new":
			if len(args) > 1 {
				return fmt.Errorf("%w: unexpected %q", errUsage, args[1])
			}
			return sendNew(ctx, env, svc, f)
		case "approve", "return":
			if len(args) != 2 {
				return fmt.Errorf("%w: %s takes one ID", errUsage, args[0])
			}
			id, err := strconv.ParseInt(args[1], 10, 64)
			if err != nil || id < 1 {
				return fmt.Errorf("%w: %q is not an ID", errUsage, args[1])
			}
			if args[0] == "return" {
				if err := svc.Return(ctx, id, f.as, f.comment); err != nil {
					return err
				}
				fmt.Fprintf(env.stdout, "outgoing statement %d returned to its author\n", id)
				return nil
			}
			approved, err := svc.Approve(ctx, id, f.as)
			if err != nil {
				return err
			}
			if approved {
				fmt.Fprintf(env.stdout, "outgoing statement %d approved: it is sent and posted by the daemon\n", id)
			} else {
				fmt.Fprintf(env.stdout, "outgoing statement %d: approval recorded; it waits for the other approvers\n", id)
			}
			return nil
		}
		return fmt.Errorf("%w: %q is not new, approve or return", errUsage, args[0])
	})
}

func sendNew(ctx context.Context, env *cliEnv, svc *outgoing.Service, f sendFlags) error {
	if f.body == "" {
		return fmt.Errorf("%w: --body FILE is required", errUsage)
	}
	var text []byte
	var err error
	if f.body == "-" {
		text, err = io.ReadAll(io.LimitReader(os.Stdin, 1<<20))
	} else {
		text, err = os.ReadFile(f.body)
	}
	if err != nil {
		return err
	}
	form := outgoing.Form{From: f.from, To: f.to, Cc: f.cc, Purpose: f.purpose, Deadline: f.deadline, Title: f.title,
		Body: string(text), InResponseTo: f.inResponseTo}
	for _, path := range f.attach {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		ctype := mime.TypeByExtension(filepath.Ext(path))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		form.Files = append(form.Files, store.OutgoingFile{Filename: filepath.Base(path), ContentType: ctype, Data: data})
	}
	id, err := svc.Save(ctx, 0, f.as, form)
	var fe outgoing.FieldErrors
	if errors.As(err, &fe) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	approvers, err := svc.Submit(ctx, id, f.as)
	if err != nil {
		return err
	}
	if env.jsonOut {
		return json.NewEncoder(env.stdout).Encode(map[string]any{"id": id, "state": store.OutgoingSubmitted, "approvers": approvers})
	}
	fmt.Fprintln(env.stdout, id)
	fmt.Fprintf(env.stderr, "outgoing statement %d waits for approval by one of: %s\n", id, strings.Join(approvers, ", "))
	return nil
}
