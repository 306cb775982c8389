package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/review"
	"github.com/liaisond/liaisond/store"
)

// runList is `liaisond list [--json] [--state S] [--limit N]`: statements, newest first.
func runList(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[0])
	}
	switch env.state {
	case "", store.StatementQueued, store.StatementPosted, store.StatementRejected, store.StatementFailed:
	default:
		return fmt.Errorf("%w: --state %q: want queued, posted, rejected or failed", errUsage, env.state)
	}
	switch env.direction {
	case "", store.DirectionIncoming, store.DirectionOutgoing:
	default:
		return fmt.Errorf("%w: --direction %q: want incoming or outgoing", errUsage, env.direction)
	}
	return withStore(ctx, env, func(_ config.Config, db *store.DB, _ *slog.Logger) error {
		sts, err := db.Statements(ctx, store.StatementFilter{State: env.state, Direction: env.direction, Limit: env.limit})
		if err != nil {
			return err
		}
		if env.jsonOut {
			enc := jsonEncoder(env.stdout)
			for _, st := range sts {
				if err := enc.Encode(review.NewRecord(st)); err != nil {
					return err
				}
			}
			return nil
		}
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tRECEIVED\tDIRECTION\tSTATE\tPURPOSE\tDEADLINE\tFROM\tTITLE")
		for _, st := range sts {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", st.ID, st.ReceivedAt.Format(time.DateOnly), st.Direction, st.State,
				dash(st.Purpose), dash(st.Deadline), dash(strings.Join(st.From, ", ")), dash(st.Title))
		}
		return tw.Flush()
	})
}

// runQueue is `liaisond queue`: what waits for a liaison manager, as on /queue.
func runQueue(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[0])
	}
	return withStore(ctx, env, func(_ config.Config, db *store.DB, _ *slog.Logger) error {
		items, err := review.Queue(ctx, db)
		if err != nil {
			return err
		}
		if env.jsonOut {
			enc := jsonEncoder(env.stdout)
			for _, it := range items {
				if err := enc.Encode(queueJSON(it)); err != nil {
					return err
				}
			}
			return nil
		}
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tMESSAGE\tDEADLINE\tRECEIVED\tREASONS\tTITLE")
		for _, it := range items {
			id := "-"
			if it.Statement.ID != 0 {
				id = fmt.Sprint(it.Statement.ID)
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", id, max(it.Statement.Message, it.Message.ID), dash(it.Deadline),
				it.Received.Format(time.DateOnly), oneLine(strings.Join(it.Reasons, "; ")), dash(it.Title))
		}
		return tw.Flush()
	})
}

// queueJSON is a queue item: the statement record (when there is one) with the
// reasons, or the failed message.
func queueJSON(it review.Item) any {
	if it.Statement.ID != 0 {
		rec := review.NewRecord(it.Statement)
		rec.ReviewReasons = it.Reasons
		return rec
	}
	return map[string]any{"message": it.Message.ID, "state": it.Message.State, "received_at": it.Received,
		"review_reasons": it.Reasons}
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
