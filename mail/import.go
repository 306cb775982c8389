package mail

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/liaisond/liaisond/store"
)

// Importer records messages from files, mbox archives and Maildir folders through the
// same spool and store path as SMTP. Files use local line endings, so lines are
// normalised to CRLF: the recorded bytes are then those the message would have had on
// the wire, and a message imported from an archive is recognised as a duplicate of the
// same message received by SMTP or IMAP.
type Importer struct {
	ing    Ingester
	spool  *Spooler
	limits SpoolLimits
	// Rcpt is recorded as the envelope recipient (liaisond ingest --rcpt).
	Rcpt string
	// Progress, when set, is told after each message how many were read and how many
	// bytes of the source were consumed.
	Progress func(messages int, bytes int64)
}

// Origin prefixes of imported messages: an archive backfill (mbox, Maildir) is recorded
// but not distributed again; a single file (ingest) is treated like mail just received.
const (
	OriginFile    = "file:"
	OriginMbox    = "mbox:"
	OriginMaildir = "maildir:"
)

// IsArchiveOrigin reports whether a message came from an archive backfill.
func IsArchiveOrigin(origin string) bool {
	return strings.HasPrefix(origin, OriginMbox) || strings.HasPrefix(origin, OriginMaildir)
}

// ImportResult counts what an import did.
type ImportResult struct {
	Recorded   int
	Duplicates int // already recorded: linked or skipped
	Failed     int
	Errors     []string
}

// NewImporter records through ing; maxBytes bounds one message (0: none).
func NewImporter(ing Ingester, spool *Spooler, maxBytes int64, maxHeaderBytes int) *Importer {
	return &Importer{ing: ing, spool: spool, limits: SpoolLimits{MaxBytes: maxBytes, MaxHeaderBytes: maxHeaderBytes}}
}

// ImportReader records one message read from r. origin names where it came from.
func (im *Importer) ImportReader(ctx context.Context, r io.Reader, origin string) (store.IngestResult, error) {
	sp, err := im.spool.Create(im.limits)
	if err != nil {
		return store.IngestResult{}, err
	}
	defer sp.Remove()
	w := &crlfWriter{w: sp}
	if _, err := io.Copy(w, r); err != nil {
		return store.IngestResult{}, fmt.Errorf("%s: %w", origin, err)
	}
	return im.record(ctx, sp, origin)
}

func (im *Importer) record(ctx context.Context, sp *Spool, origin string) (store.IngestResult, error) {
	raw, err := sp.Finish()
	if err != nil {
		return store.IngestResult{}, fmt.Errorf("%s: %w", origin, err)
	}
	env := store.Envelope{Source: store.SourceFile, Origin: origin, ReceivedAt: time.Now(), IfNew: true}
	if im.Rcpt != "" {
		env.Rcpt = []string{im.Rcpt}
	}
	res, err := im.ing.Ingest(ctx, env, raw)
	if err != nil {
		return res, fmt.Errorf("%s: %w", origin, err)
	}
	return res, nil
}

func (r *ImportResult) add(res store.IngestResult, err error) {
	switch {
	case err != nil:
		r.Failed++
		if len(r.Errors) < 100 {
			r.Errors = append(r.Errors, err.Error())
		}
	case res.DuplicateOf != 0:
		r.Duplicates++
	default:
		r.Recorded++
	}
}

// ImportFiles records each file ("-" is standard input).
func (im *Importer) ImportFiles(ctx context.Context, paths []string) ImportResult {
	return im.importFiles(ctx, paths, OriginFile)
}

func (im *Importer) importFiles(ctx context.Context, paths []string, prefix string) ImportResult {
	var out ImportResult
	for i, p := range paths {
		if ctx.Err() != nil {
			break
		}
		out.add(im.importFile(ctx, p, prefix))
		if im.Progress != nil {
			im.Progress(i+1, 0)
		}
	}
	return out
}

func (im *Importer) importFile(ctx context.Context, path, prefix string) (store.IngestResult, error) {
	if path == "-" {
		return im.ImportReader(ctx, os.Stdin, prefix+"stdin")
	}
	f, err := os.Open(path)
	if err != nil {
		return store.IngestResult{}, err
	}
	defer f.Close()
	return im.ImportReader(ctx, f, prefix+filepath.Base(path))
}

// ImportMaildir records every message in dir's cur/ and new/ folders, in name order
// (Maildir names start with the delivery time). tmp/ holds deliveries in progress and
// is left alone.
func (im *Importer) ImportMaildir(ctx context.Context, dir string) (ImportResult, error) {
	var files []string
	for _, sub := range []string{"cur", "new"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			return ImportResult{}, fmt.Errorf("maildir %s: %w", dir, err)
		}
		for _, e := range entries {
			if e.Type().IsRegular() {
				files = append(files, filepath.Join(dir, sub, e.Name()))
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return filepath.Base(files[i]) < filepath.Base(files[j]) })
	return im.importFiles(ctx, files, OriginMaildir), nil
}

// ImportMbox records every message of an mbox file (mboxo or mboxrd: ">From " lines are
// unquoted one level). The file is read as a stream; a message never sits whole in
// memory.
func (im *Importer) ImportMbox(ctx context.Context, path string) (ImportResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return ImportResult{}, err
	}
	defer f.Close()
	counter := &countingReader{r: f}
	mr := newMboxReader(bufio.NewReaderSize(counter, 64<<10))
	var out ImportResult
	for n := 1; ctx.Err() == nil; n++ {
		origin := fmt.Sprintf("%s%s#%d", OriginMbox, filepath.Base(path), n)
		res, err := im.importMboxMessage(ctx, mr, origin)
		if errors.Is(err, io.EOF) {
			break
		}
		out.add(res, err)
		if im.Progress != nil {
			im.Progress(n, counter.n)
		}
		if err != nil && errors.Is(err, errMboxRead) {
			return out, err
		}
	}
	return out, ctx.Err()
}

var errMboxRead = errors.New("mbox read error")

func (im *Importer) importMboxMessage(ctx context.Context, mr *mboxReader, origin string) (store.IngestResult, error) {
	if !mr.next() {
		if mr.err != nil {
			return store.IngestResult{}, fmt.Errorf("%w: %v", errMboxRead, mr.err)
		}
		return store.IngestResult{}, io.EOF
	}
	sp, err := im.spool.Create(im.limits)
	if err != nil {
		return store.IngestResult{}, err
	}
	defer sp.Remove()
	if _, err := io.Copy(&crlfWriter{w: sp}, mr); err != nil {
		mr.skip()
		return store.IngestResult{}, fmt.Errorf("%s: %w", origin, err)
	}
	return im.record(ctx, sp, origin)
}

// mboxReader yields the messages of an mbox one at a time: after next returns true,
// Read returns that message's bytes (without its "From " separator line).
type mboxReader struct {
	r       *bufio.Reader
	pending []byte // a line read ahead: the next separator
	inMsg   bool
	atStart bool   // at the beginning of a line
	blank   []byte // the previous line was empty: its newline ("\n" or "\r\n"), held back
	held    []byte
	err     error
}

func newMboxReader(r *bufio.Reader) *mboxReader { return &mboxReader{r: r} }

// next skips to the next "From " separator; false at the end of the file.
func (m *mboxReader) next() bool {
	m.skip()
	for m.pending == nil {
		line, err := m.readLine()
		if len(line) == 0 && err != nil {
			if !errors.Is(err, io.EOF) {
				m.err = err
			}
			return false
		}
		if bytes.HasPrefix(line, []byte("From ")) {
			m.pending = line
		}
	}
	m.pending = nil
	m.inMsg, m.atStart, m.blank, m.held = true, true, nil, nil
	return true
}

// skip discards the rest of the current message.
func (m *mboxReader) skip() {
	if m.inMsg {
		io.Copy(io.Discard, m)
	}
}

// readLine returns one line with its newline; long lines come back in pieces.
func (m *mboxReader) readLine() ([]byte, error) {
	line, err := m.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		err = nil
	}
	return append([]byte(nil), line...), err
}

func (m *mboxReader) Read(p []byte) (int, error) {
	for len(m.held) == 0 {
		if !m.inMsg {
			return 0, io.EOF
		}
		if err := m.fill(); err != nil {
			return 0, err
		}
	}
	n := copy(p, m.held)
	m.held = m.held[n:]
	return n, nil
}

// fill reads one line into held, unquoting ">From " and holding back the empty line
// that precedes a separator (it belongs to the separator, not the message).
func (m *mboxReader) fill() error {
	line, err := m.readLine()
	if len(line) == 0 {
		m.inMsg = false
		if err != nil && !errors.Is(err, io.EOF) {
			m.err = err
			return err
		}
		return nil // end of file; the held-back blank line is dropped as the final separator
	}
	startsLine := m.atStart
	m.atStart = line[len(line)-1] == '\n'
	if startsLine && bytes.HasPrefix(line, []byte("From ")) {
		m.pending = line
		m.inMsg = false
		return nil
	}
	out := m.blank
	m.blank = nil
	if startsLine && (string(line) == "\n" || string(line) == "\r\n") {
		m.blank = line
		m.held = out
		return nil
	}
	if startsLine && isQuotedFrom(line) {
		line = line[1:]
	}
	m.held = append(out, line...)
	return nil
}

// isQuotedFrom matches mboxrd's >From, >>From, ...
func isQuotedFrom(line []byte) bool {
	rest := bytes.TrimLeft(line, ">")
	return len(rest) < len(line) && bytes.HasPrefix(rest, []byte("From "))
}

// crlfWriter turns bare LF line endings into CRLF on the way through.
type crlfWriter struct {
	w    io.Writer
	prev byte
}

func (c *crlfWriter) Write(p []byte) (int, error) {
	var buf bytes.Buffer
	for i, b := range p {
		prev := c.prev
		if i > 0 {
			prev = p[i-1]
		}
		if b == '\n' && prev != '\r' {
			buf.WriteByte('\r')
		}
		buf.WriteByte(b)
	}
	if len(p) > 0 {
		c.prev = p[len(p)-1]
	}
	if _, err := c.w.Write(buf.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
