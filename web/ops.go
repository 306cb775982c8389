package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/liaisond/liaisond/store"
)

// logPageSize is how many recent events the log page shows before it goes live.
const logPageSize = 200

type logBody struct {
	Events []store.Event
	LastID int64
}

// logPage shows the latest events of the record log; its script then follows the
// stream. Without script the page still shows the events as of loading.
func (s *Server) logPage(w http.ResponseWriter, r *http.Request) {
	last, err := s.db.LastEventID(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	evs, err := s.db.Events(r.Context(), store.EventFilter{AfterID: max(0, last-logPageSize), Limit: logPageSize})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// Newest first, as people read a log on a page.
	for i, j := 0, len(evs)-1; i < j; i, j = i+1, j-1 {
		evs[i], evs[j] = evs[j], evs[i]
	}
	w.Header().Set("Content-Security-Policy", pageCSP+"; script-src 'self'; connect-src 'self'")
	s.render(w, r, http.StatusOK, "log", view{Title: "Record log", Nav: "log", Body: logBody{Events: evs, LastID: last}})
}

// streamPoll is how often the stream looks for new events (as `liaisond log -f` does, it
// polls the database, so events written by any process appear).
const streamPoll = 500 * time.Millisecond

// logStream sends the record log as server-sent events: one "record" event per log
// event, its data the JSON of `liaisond log --json`, its id the event id (so a
// reconnecting browser resumes with Last-Event-ID). It starts after ?after=ID or
// Last-Event-ID, else at the end.
func (s *Server) logStream(w http.ResponseWriter, r *http.Request) {
	after, err := s.streamStart(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 2000\n\n")
	rc.Flush()
	tick := time.NewTicker(streamPoll)
	defer tick.Stop()
	lastWrite := time.Now()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case <-tick.C:
		}
		// Each write gets its own deadline: the server's write timeout is for pages, not
		// for a stream that stays open.
		rc.SetWriteDeadline(time.Now().Add(30 * time.Second))
		evs, err := s.db.Events(r.Context(), store.EventFilter{AfterID: after, Limit: 500})
		if err != nil {
			return
		}
		for _, e := range evs {
			if err := writeEvent(w, e); err != nil {
				return
			}
			after = e.ID
		}
		if len(evs) == 0 {
			if time.Since(lastWrite) < 15*time.Second {
				continue
			}
			// A comment keeps proxies from closing an idle stream.
			fmt.Fprint(w, ": keep-alive\n\n")
		}
		lastWrite = time.Now()
		if rc.Flush() != nil {
			return
		}
	}
}

func (s *Server) streamStart(r *http.Request) (int64, error) {
	for _, v := range []string{r.Header.Get("Last-Event-ID"), r.URL.Query().Get("after")} {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && id >= 0 {
			return id, nil
		}
	}
	return s.db.LastEventID(r.Context())
}

// writeEvent writes one SSE message; JSON has no raw line breaks, so one data line holds it.
func writeEvent(w http.ResponseWriter, e store.Event) error {
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "id: %d\nevent: record\ndata: %s\n\n", e.ID, data)
	return err
}

type failedBody struct {
	Messages []failedRow
}

type failedRow struct {
	store.Message
	Statement int64
}

// failedPage lists messages whose processing gave up, with a retry button each.
func (s *Server) failedPage(w http.ResponseWriter, r *http.Request) {
	msgs, err := s.db.Messages(r.Context(), store.MessageFilter{State: store.StateFailed, Limit: 500})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var body failedBody
	for _, m := range msgs {
		row := failedRow{Message: m}
		if st, err := s.db.StatementByMessage(r.Context(), m.ID); err == nil {
			row.Statement = st.ID
		}
		body.Messages = append(body.Messages, row)
	}
	s.render(w, r, http.StatusOK, "failed", view{Title: "Failed jobs", Nav: "failed", Body: body,
		Flash: flashText(r.URL.Query().Get("done"))})
}

// retryFailed makes a failed message's job due again, as `liaisond reprocess ID` does.
func (s *Server) retryFailed(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "message")
	if !ok {
		s.notFound(w, r)
		return
	}
	if err := s.db.RequeueMessage(r.Context(), id, sessionFrom(r).User.Name); err != nil {
		s.notFound(w, r)
		return
	}
	http.Redirect(w, r, "/ops/failed?done=retry", http.StatusSeeOther)
}

// age says how long ago t was, roughly.
func age(t time.Time) string {
	d := time.Since(t)
	switch {
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h", int(d.Hours()))
	}
	return fmt.Sprintf("%d days", int(d.Hours()/24))
}

type outboxBody struct {
	NoRelay bool // nothing is sent: no relay is configured
	State   string
	States  []string
	Counts  map[string]int64
	Items   []store.OutboxItem
}

// outboxPage lists outgoing messages (forwards, notices, reminders), newest first,
// filtered by ?state=; failed and cancelled ones can be retried.
func (s *Server) outboxPage(w http.ResponseWriter, r *http.Request) {
	state := r.URL.Query().Get("state")
	states := []string{store.OutboxPending, store.OutboxFailed, store.OutboxSent, store.OutboxCancelled}
	if !slices.Contains(states, state) {
		state = ""
	}
	counts, err := s.db.OutboxCounts(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	items, err := s.db.OutboxItems(r.Context(), store.OutboxFilter{State: state, Limit: 500})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "outbox", view{Title: "Outbox", Nav: "outbox", Flash: flashText(r.URL.Query().Get("done")),
		Body: outboxBody{NoRelay: s.noRelay, State: state, States: states, Counts: counts, Items: items}})
}

// retryOutbox sends a failed or cancelled message again, now.
func (s *Server) retryOutbox(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r, "id")
	if !ok {
		s.notFound(w, r)
		return
	}
	err := s.db.RetryOutbox(r.Context(), id, sessionFrom(r).User.Name)
	switch {
	case errors.Is(err, store.ErrNotFound):
		s.notFound(w, r)
	case err != nil:
		// Not failed or cancelled (sent meanwhile, or already pending): nothing to do.
		http.Redirect(w, r, "/ops/outbox?done=not-retried", http.StatusSeeOther)
	default:
		http.Redirect(w, r, "/ops/outbox?done=retry", http.StatusSeeOther)
	}
}
