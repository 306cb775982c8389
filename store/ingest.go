package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"
)

// Sources of a message, as recorded in messages.source.
const (
	SourceSMTP = "smtp"
	SourceLMTP = "lmtp"
	SourceIMAP = "imap"
	SourceFile = "file"
)

// Envelope is what is known about a message besides its bytes.
type Envelope struct {
	Source     string   // one of the Source constants
	RemoteAddr string   // client address for SMTP/LMTP
	Helo       string   // HELO/EHLO/LHLO name
	MailFrom   string   // envelope sender, "" for the null sender
	Rcpt       []string // envelope recipients (the configured address for IMAP)
	Origin     string   // IMAP mailbox and UID, or the imported file
	ReceivedAt time.Time
	// IfNew records the message only if it is not already recorded: a duplicate then
	// leaves no row at all (archive imports, which are rerun, must be idempotent).
	IfNew bool
	// AnswerAtCommit asks Ingest to return as soon as the bytes and the envelope are
	// committed, which is all an SMTP or LMTP 250 promises: the duplicate link, the job
	// and the event follow in the next pause of intake, as they do under load, and
	// IngestResult.DuplicateOf stays 0. Without it a message that comes alone is indexed
	// before Ingest returns (IMAP and imports report duplicates).
	AnswerAtCommit bool
}

// RawMessage is a spooled message ready to be recorded. The caller computed the digest
// and the Message-ID while spooling, so the store reads the bytes only once.
type RawMessage struct {
	R         io.ReaderAt
	Size      int64
	SHA256    string // lower-case hex
	MessageID string // with angle brackets, "" when the message has none
}

// IngestResult says what became of a message.
type IngestResult struct {
	ID          int64 // the new messages row
	DuplicateOf int64 // non-zero when the bytes were already recorded under that id
}

type ingestRequest struct {
	env Envelope
	raw RawMessage
	// The row's computed columns, made by the caller so the single writer does not.
	rcpt, received string
	done           chan ingestResponse
}

type ingestResponse struct {
	res IngestResult
	err error
}

// Ingest records a message durably: it returns only after the raw bytes and the envelope
// are committed. Concurrent calls are committed together (group commit), so many
// sessions share one fsync; a lone AnswerAtCommit call commits in its own goroutine
// (commitAlone). The duplicate link, the processing job and the "received"
// or "duplicate" event follow in a second transaction (see indexPending): before Ingest
// returns when the message came alone and did not ask for Envelope.AnswerAtCommit,
// otherwise in the next pause of intake, so that a sender waits only for its own bytes.
// An error means nothing was recorded and the sender must be told to retry.
func (db *DB) Ingest(ctx context.Context, env Envelope, raw RawMessage) (IngestResult, error) {
	req, err := db.newRequest(env, raw)
	if err != nil {
		return IngestResult{}, err
	}
	if res, err, done := db.commitAlone(req); done {
		return res, err
	}
	select {
	case db.ingest <- req:
	case <-db.closing:
		return IngestResult{}, ErrClosed
	case <-ctx.Done():
		return IngestResult{}, ctx.Err()
	}
	// Once queued, the request is always answered; waiting for that answer (rather than
	// giving up on ctx) keeps the caller from reporting a failure for a message that was
	// in fact committed.
	resp := <-req.done
	return resp.res, resp.err
}

// commitAlone commits an AnswerAtCommit request in the caller's goroutine when nothing
// else is being recorded or indexed: a lone sender then waits for its commit only, not
// also for two goroutine handoffs to the batcher and back. done is false when the
// request must go to the batcher.
func (db *DB) commitAlone(req *ingestRequest) (res IngestResult, err error, done bool) {
	// An IfNew request looks for duplicates among indexed messages: the batcher indexes
	// first (commitBatch).
	if !req.env.AnswerAtCommit || req.env.IfNew || len(db.ingest) > 0 || !db.intakeMu.TryLock() {
		return IngestResult{}, nil, false
	}
	select {
	case <-db.closing:
		db.intakeMu.Unlock()
		return IngestResult{}, ErrClosed, true
	default:
	}
	start := time.Now()
	results, err := db.insertBatch([]*ingestRequest{req})
	wake := false
	if err == nil {
		// The batcher indexes what is recorded; it must hear of a backlog that it did
		// not see begin, or that is overdue.
		wake = db.backlog.n == 0 || db.backlog.overdue(db.opts.IndexLag)
		db.recorded(start, results)
	}
	db.intakeMu.Unlock()
	if err != nil {
		db.log.Error("commit failed", "err", err)
		return IngestResult{}, err, true
	}
	if wake {
		select {
		case db.wake <- struct{}{}:
		default:
		}
	}
	return results[0], nil, true
}

// recorded notes committed messages: the time, the commit hook, the backlog.
func (db *DB) recorded(start time.Time, results []IngestResult) {
	db.lastCommit.Store(time.Now().UnixNano())
	if db.opts.OnCommit != nil {
		db.opts.OnCommit(time.Since(start), len(results))
	}
	for _, r := range results {
		if r.ID != 0 {
			db.backlog.add(1)
		}
	}
}

// newRequest makes the ingest request of a message, with its computed columns.
func (db *DB) newRequest(env Envelope, raw RawMessage) (*ingestRequest, error) {
	if env.ReceivedAt.IsZero() {
		env.ReceivedAt = db.opts.Now()
	}
	rcpt, err := json.Marshal(nonNil(env.Rcpt))
	if err != nil {
		return nil, err
	}
	return &ingestRequest{env: env, raw: raw, rcpt: string(rcpt), received: timeText(env.ReceivedAt),
		done: make(chan ingestResponse, 1)}, nil
}

// runBatcher is the single writer of messages: it takes every request that is waiting,
// commits them in one transaction, and answers each. While no request waits it indexes
// what was recorded.
func (db *DB) runBatcher() {
	defer db.batcherWG.Done()
	lastSize := 0
	for {
		first := db.nextRequest()
		db.intakeMu.Lock()
		if first == nil {
			db.drainAfterClose()
			for db.backlog.n > 0 {
				if _, err := db.indexPending(indexBatch); err != nil {
					break
				}
			}
			db.intakeMu.Unlock()
			return
		}
		batch := db.collectBatch(first, lastSize)
		lastSize = len(batch)
		db.commitBatch(batch)
		db.intakeMu.Unlock()
	}
}

// nextRequest waits for an ingest request; nil once the DB is closing. Once no request
// has come for Options.IndexIdle, it indexes recorded messages while it waits.
func (db *DB) nextRequest() *ingestRequest {
	for {
		db.intakeMu.Lock()
		pending, overdue := db.backlog.n > 0, db.backlog.overdue(db.opts.IndexLag)
		db.intakeMu.Unlock()
		var idle <-chan time.Time
		if pending {
			idle = time.After(db.opts.IndexIdle)
		}
		if overdue {
			// Waiting senders come first; commitBatch then indexes a turn after them.
			select {
			case req := <-db.ingest:
				return req
			default:
			}
		} else {
			select {
			case req := <-db.ingest:
				return req
			case <-db.closing:
				return nil
			case <-db.wake:
				continue
			case <-idle:
				// Messages committed by their senders' goroutines (commitAlone) do not
				// pass here: a pause is also counted from the last commit.
				if time.Since(time.Unix(0, db.lastCommit.Load())) < db.opts.IndexIdle {
					continue
				}
			}
		}
		db.intakeMu.Lock()
		_, err := db.indexPending(indexBatch)
		db.intakeMu.Unlock()
		if err != nil {
			// A failing index transaction (a full disk, say) is retried, not spun on.
			select {
			case req := <-db.ingest:
				return req
			case <-db.closing:
				return nil
			case <-time.After(time.Second):
			}
		}
	}
}

// collectBatch adds to first every request already waiting, within the batch limits.
// When the last commit carried several messages, senders are arriving concurrently: it
// then waits up to GroupWait for as many as last time, since one larger commit costs
// much less than several small ones. A lone sender never waits.
func (db *DB) collectBatch(first *ingestRequest, lastSize int) []*ingestRequest {
	batch := []*ingestRequest{first}
	bytes := first.raw.Size
	var timeout <-chan time.Time
	if lastSize > 1 && db.opts.GroupWait > 0 {
		t := time.NewTimer(db.opts.GroupWait)
		defer t.Stop()
		timeout = t.C
	}
	for len(batch) < db.opts.MaxBatch && bytes < db.opts.MaxBatchBytes {
		select {
		case req := <-db.ingest:
			batch = append(batch, req)
			bytes += req.raw.Size
			continue
		default:
		}
		if timeout == nil || len(batch) >= lastSize {
			return batch
		}
		select {
		case req := <-db.ingest:
			batch = append(batch, req)
			bytes += req.raw.Size
		case <-timeout:
			return batch
		}
	}
	return batch
}

// indexAll indexes every recorded message (within a bound, so that a failing index
// transaction cannot keep the writer).
func (db *DB) indexAll() {
	for range 1 << 16 {
		if db.backlog.n == 0 {
			return
		}
		if _, err := db.indexPending(indexBatch); err != nil {
			return
		}
	}
}

// drainAfterClose answers requests that raced with Close: they are committed too, since
// their senders are still waiting for an answer.
func (db *DB) drainAfterClose() {
	for {
		select {
		case req := <-db.ingest:
			db.commitBatch(db.collectBatch(req, 0))
		default:
			return
		}
	}
}

// commitBatch commits the batch in one transaction. If that fails, each message is tried
// alone so that one bad request cannot fail the others.
func (db *DB) commitBatch(batch []*ingestRequest) {
	if db.backlog.n > 0 && slices.ContainsFunc(batch, func(r *ingestRequest) bool { return r.env.IfNew }) {
		// An IfNew request looks for its duplicate among the indexed messages: every
		// message recorded before it must be indexed first.
		db.indexAll()
	}
	start := time.Now()
	results, err := db.insertBatch(batch)
	if err == nil {
		db.recorded(start, results)
		// A lone caller that did not ask for AnswerAtCommit is answered after indexing,
		// so it learns of a duplicate and finds its job and event in place. Every other
		// caller is answered first, and indexing waits for a pause, or for
		// Options.IndexLag, after which it takes turns with intake (after the answers, so
		// that a lone sender's next message arrives meanwhile): each turn indexes more
		// than the commit added, so it catches up.
		if len(batch) == 1 && !batch[0].env.AnswerAtCommit && len(db.ingest) == 0 {
			links, _ := db.indexPending(1 + indexBatch)
			if orig, ok := links[results[0].ID]; ok {
				results[0].DuplicateOf = orig
			}
		}
		for i, req := range batch {
			req.done <- ingestResponse{res: results[i]}
		}
		if db.backlog.overdue(db.opts.IndexLag) {
			db.indexPending(len(batch) + indexBatch)
		}
		return
	}
	if len(batch) == 1 {
		db.log.Error("commit failed", "err", err)
		batch[0].done <- ingestResponse{err: err}
		return
	}
	db.log.Warn("group commit failed, retrying each message alone", "messages", len(batch), "err", err)
	for _, req := range batch {
		db.commitBatch([]*ingestRequest{req})
	}
}

func (db *DB) insertBatch(batch []*ingestRequest) ([]IngestResult, error) {
	if db.chunkBuf == nil {
		db.chunkBuf = make([]byte, db.opts.ChunkBytes)
	}
	results := make([]IngestResult, len(batch))
	err := db.writeIntake(func(tx intakeTx) error {
		for i, req := range batch {
			res, err := insertMessage(tx, req, db.chunkBuf)
			if err != nil {
				return err
			}
			results[i] = res
		}
		return nil
	})
	return results, err
}

// insertMessage adds the messages row and the raw chunks, copied through buf. Only an
// IfNew request looks for a duplicate first, since a duplicate then must leave no row at
// all: an indexed original with the same Message-ID (or the same lack of one) and the
// same bytes.
func insertMessage(tx intakeRows, req *ingestRequest, buf []byte) (IngestResult, error) {
	env, raw := req.env, req.raw
	if env.IfNew {
		dupOf, err := tx.findDuplicate(raw.SHA256, raw.MessageID)
		if err != nil || dupOf != 0 {
			return IngestResult{DuplicateOf: dupOf}, err
		}
	}
	id, err := tx.insertMessage(raw.MessageID, raw.SHA256, raw.Size, env.Source, env.RemoteAddr,
		env.Helo, env.MailFrom, req.rcpt, env.Origin, req.received)
	if err != nil {
		return IngestResult{}, fmt.Errorf("store: insert message: %w", err)
	}
	return IngestResult{ID: id}, insertChunks(tx, id, raw, buf)
}

// maxChunks bounds the chunks of one message: a chunk's rowid is message*maxChunks + seq
// (migration 0008).
const maxChunks = 1 << 20

// chunkID is the raw_chunks rowid of chunk seq of a message.
func chunkID(message int64, seq int) int64 { return message*maxChunks + int64(seq) }

// insertChunks copies the raw bytes into raw_chunks, one buffer at a time.
func insertChunks(tx intakeRows, id int64, raw RawMessage, buf []byte) error {
	var off int64
	for seq := 0; off < raw.Size; seq++ {
		if seq == maxChunks {
			return fmt.Errorf("store: message of %d bytes needs more than %d chunks of %d bytes", raw.Size, maxChunks, len(buf))
		}
		want := int(min(int64(len(buf)), raw.Size-off))
		n, err := raw.R.ReadAt(buf[:want], off)
		if n < want {
			return fmt.Errorf("store: read spooled message at %d: %w", off, err)
		}
		if err := tx.insertChunk(chunkID(id, seq), id, buf[:n]); err != nil {
			return fmt.Errorf("store: insert raw chunk: %w", err)
		}
		off += int64(n)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// ingestStatements are prepared once on the writer connection: compiling SQL for every
// message would cost more than inserting it.
type ingestStatements struct {
	findDuplicate, insertMessage, insertChunk, insertJob, insertEvent *sql.Stmt
	insertDigest, linkDuplicate, dropChunks                           *sql.Stmt
	indexedThrough, unindexed, setIndexedThrough                      *sql.Stmt
}

func (db *DB) prepare(ctx context.Context) error {
	for _, s := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&db.stmts.findDuplicate, findDuplicateSQL},
		{&db.stmts.insertMessage, insertMessageSQL},
		{&db.stmts.insertChunk, insertChunkSQL},
		{&db.stmts.insertJob, `INSERT INTO jobs (message, next_attempt, updated_at) VALUES (?, ?, ?)`},
		{&db.stmts.insertEvent, insertEventSQL},
		{&db.stmts.insertDigest, `INSERT INTO digests (message, sha256, message_id) VALUES (?, ?, ?)`},
		{&db.stmts.linkDuplicate, `UPDATE messages SET duplicate_of = ? WHERE id = ?`},
		{&db.stmts.dropChunks, `DELETE FROM raw_chunks WHERE id BETWEEN ? AND ?`},
		{&db.stmts.indexedThrough, `SELECT indexed_through FROM intake_cursor`},
		{&db.stmts.unindexed, unindexedSQL},
		{&db.stmts.setIndexedThrough, `UPDATE intake_cursor SET indexed_through = ?`},
	} {
		stmt, err := db.w.PrepareContext(ctx, s.sql)
		if err != nil {
			return fmt.Errorf("store: prepare: %w", err)
		}
		*s.dst = stmt
	}
	return nil
}
