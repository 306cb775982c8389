package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/liaisond/liaisond/auth"
	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// statementID reads the ID argument of show, approve, reject and edit.
func statementID(args []string) (int64, error) {
	if len(args) == 0 {
		return 0, fmt.Errorf("%w: no statement ID", errUsage)
	}
	id, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil || id < 1 {
		return 0, fmt.Errorf("%w: %q is not a statement ID", errUsage, args[0])
	}
	return id, nil
}

// runShow is `liaisond show ID [--json]`: one statement with fields, evidence,
// attachments, related statements and history.
func runShow(ctx context.Context, env *cliEnv, args []string) error {
	id, err := statementID(args)
	if err != nil {
		return err
	}
	if len(args) > 1 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[1])
	}
	return withStore(ctx, env, func(_ config.Config, db *store.DB, _ *slog.Logger) error {
		st, err := db.GetStatement(ctx, id)
		if err != nil {
			return err
		}
		rec, err := review.Detail(ctx, db, st, review.DetailOptions{})
		if err != nil {
			return err
		}
		if env.jsonOut {
			return jsonEncoder(env.stdout).Encode(rec)
		}
		printRecord(env.stdout, rec)
		return nil
	})
}

// printRecord writes a statement for people, with the labels of the web page.
func printRecord(w io.Writer, r review.Record) {
	f := r.Fields
	fmt.Fprintf(w, "Statement %d  %s  confidence %.2f\n", r.ID, r.State, r.Confidence)
	for _, reason := range r.ReviewReasons {
		fmt.Fprintf(w, "  review: %s\n", reason)
	}
	line := func(label, value string) {
		if value == "" {
			value = "-"
		}
		fmt.Fprintf(w, "%-18s %s\n", label+":", value)
	}
	line("Title", review.Str(f.Title))
	line("From", strings.Join(f.From, ", "))
	line("From-Contact", strings.Join(f.FromContacts, ", "))
	line("Send Reply To", review.Str(f.SendReplyTo))
	line("To", strings.Join(f.To, ", "))
	line("To-Contact", strings.Join(f.ToContacts, ", "))
	line("Send To", review.Str(f.SendTo))
	line("Purpose", review.Str(f.Purpose))
	line("Deadline", review.Str(f.Deadline))
	line("In response to", review.Str(f.InResponseTo))
	line("Other identifiers", strings.Join(f.OtherIdentifiers, ", "))
	line("Delivered to", review.Str(f.DeliveredTo))
	line("Misdirected", strconv.FormatBool(f.Misdirected))
	line("Route to", strings.Join(f.RouteTo, ", "))
	line("Verified as", review.Str(r.VerifiedAs))
	if len(r.Auth) > 0 {
		var a auth.Report
		if json.Unmarshal(r.Auth, &a) == nil {
			line("Authentication", fmt.Sprintf("spf=%s dkim=%s dmarc=%s (%s)", a.SPF.Result, a.DKIM.Result, a.DMARC.Result, a.Source))
		}
	}
	line("Received", r.ReceivedAt.Format(time.RFC3339))
	if r.PostedAt != nil {
		line("Posted", r.PostedAt.Format(time.RFC3339))
	}
	if len(r.Edited) > 0 {
		line("Edited fields", strings.Join(r.Edited, ", "))
	}
	for _, a := range r.Attachments {
		fmt.Fprintf(w, "attachment: %s (%s, %d bytes) %s", a.Filename, a.ContentType, a.Size, a.URL)
		if a.PDFURL != "" {
			fmt.Fprintf(w, "  PDF %s", a.PDFURL)
		}
		fmt.Fprintln(w)
	}
	if r.RepliesTo != nil {
		fmt.Fprintf(w, "replies to: %d %s\n", r.RepliesTo.ID, r.RepliesTo.Title)
	}
	for _, x := range r.Replies {
		fmt.Fprintf(w, "answered by: %d %s\n", x.ID, x.Title)
	}
	for _, e := range r.History {
		by := ""
		if e.Actor != "" {
			by = " by " + e.Actor
		}
		fmt.Fprintf(w, "history: %s %s%s\n", e.Time.Format(time.RFC3339), e.Type, by)
	}
}

// runApprove is `liaisond approve ID`: post the statement (the outbox distributes it).
func runApprove(ctx context.Context, env *cliEnv, args []string) error {
	return reviewAction(ctx, env, args, "approved", func(db *store.DB, _ config.Config, id int64, rest []string) error {
		if len(rest) > 0 {
			return fmt.Errorf("%w: unexpected %q", errUsage, rest[0])
		}
		return review.Approve(ctx, db, id, cliActor())
	})
}

// runReject is `liaisond reject ID [REASON...]`.
func runReject(ctx context.Context, env *cliEnv, args []string) error {
	return reviewAction(ctx, env, args, "rejected", func(db *store.DB, _ config.Config, id int64, rest []string) error {
		return review.Reject(ctx, db, id, cliActor(), strings.Join(rest, " "))
	})
}

// runEdit is `liaisond edit ID FIELD=VALUE...`: lists comma-separated, empty for none.
func runEdit(ctx context.Context, env *cliEnv, args []string) error {
	return reviewAction(ctx, env, args, "edited", func(db *store.DB, cfg config.Config, id int64, rest []string) error {
		if len(rest) == 0 {
			return fmt.Errorf("%w: no FIELD=VALUE (fields: %s)", errUsage, strings.Join(review.EditableFields, ", "))
		}
		values := map[string]string{}
		for _, kv := range rest {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return fmt.Errorf("%w: %q is not FIELD=VALUE", errUsage, kv)
			}
			values[k] = v
		}
		return review.Edit(ctx, db, id, cliActor(), values, groupNames(cfg))
	})
}

// runReroute is `liaisond reroute ID GROUP...`: the misdirected workflow of the web's
// Reroute form (review.Reroute): route_to is set to the directory groups named, and the
// statement is posted, or its distribution planned again when it already is.
func runReroute(ctx context.Context, env *cliEnv, args []string) error {
	return reviewAction(ctx, env, args, "rerouted", func(db *store.DB, cfg config.Config, id int64, rest []string) error {
		if len(rest) == 0 {
			return fmt.Errorf("%w: name at least one group (groups: %s)", errUsage, strings.Join(groupNames(cfg), ", "))
		}
		var groups []string
		for _, g := range rest {
			groups = append(groups, strings.Split(g, ",")...)
		}
		return review.Reroute(ctx, db, id, cliActor(), groups, groupNames(cfg))
	})
}

// runActionTaken is `liaisond action-taken ID`: a For-Action statement has been answered.
func runActionTaken(ctx context.Context, env *cliEnv, args []string) error {
	return reviewAction(ctx, env, args, "marked: action taken", func(db *store.DB, _ config.Config, id int64, rest []string) error {
		if len(rest) > 0 {
			return fmt.Errorf("%w: unexpected %q", errUsage, rest[0])
		}
		return review.MarkActionTaken(ctx, db, id, cliActor())
	})
}

// reviewAction runs one review action on statement args[0] and reports it; invalid
// input is a usage error (exit 2), the rest a failure (exit 1).
func reviewAction(ctx context.Context, env *cliEnv, args []string, done string,
	act func(db *store.DB, cfg config.Config, id int64, rest []string) error) error {
	id, err := statementID(args)
	if err != nil {
		return err
	}
	return withStore(ctx, env, func(cfg config.Config, db *store.DB, _ *slog.Logger) error {
		err := act(db, cfg, id, args[1:])
		switch {
		case errors.Is(err, review.ErrNoChange):
			fmt.Fprintf(env.stdout, "statement %d: nothing changed\n", id)
			return nil
		case errors.Is(err, review.ErrInvalid):
			return fmt.Errorf("%w: %v", errUsage, err)
		case err != nil:
			return err
		}
		fmt.Fprintf(env.stdout, "statement %d %s\n", id, done)
		return nil
	})
}

func groupNames(cfg config.Config) []string {
	var out []string
	for _, g := range cfg.Groups {
		out = append(out, g.Name)
	}
	return out
}
