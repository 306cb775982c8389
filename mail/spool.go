package mail

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"sync"

	"github.com/emersion/go-message/textproto"

	"github.com/liaisond/liaisond/internal/leftover"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// Errors a spool reports about the bytes it was given; sessions map them to SMTP replies.
var (
	ErrBareLF         = errors.New("message contains a bare LF line ending")
	ErrHeaderTooLarge = errors.New("message header too large")
	ErrTooManyHops    = errors.New("too many Received headers (mail loop)")
	// ErrSpool wraps a failure to write the spool file (a full or failing disk): our
	// problem, not the sender's nor the transfer's.
	ErrSpool = errors.New("spool")
)

// SpoolLimits bound what a spool accepts.
type SpoolLimits struct {
	MaxBytes       int64 // 0: no limit (the SMTP layer enforces its own)
	MaxHeaderBytes int
	MaxReceived    int  // Received header fields before a loop is assumed
	RejectBareLF   bool // SMTP/LMTP: yes (smuggling); files and IMAP: no
}

// Spooler creates spools; messages larger than MemoryBytes go to files in one folder.
type Spooler struct {
	dir string
	// MemoryBytes is how much of a message is kept in memory before it is written to a
	// file: small messages (most statements' cover mails) then cost no file at all.
	MemoryBytes int
	// copyBufs recycles the buffers that batch the small reads of a DATA stream: one
	// allocation per message would cost more than the rest of the spooling.
	copyBufs sync.Pool
}

// NewSpooler uses dir (created if needed) for spool files. Files left there by a crash
// are removed: nothing in them was ever acknowledged.
func NewSpooler(dir string) (*Spooler, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	// A spool file is used only through its open handle, so removing every one at start
	// takes away what a crash left without harming a process still receiving (a command
	// spooling beside the daemon, or the daemon beside it).
	leftover.Remove(dir, "msg-*", 0)
	return &Spooler{dir: dir, MemoryBytes: 256 << 10}, nil
}

// Spool is one message being received: its bytes go to memory, or past the Spooler's
// MemoryBytes to a temporary file, while the digest, the header section and the
// line-ending checks are computed on the way, so the message is read once and a large one
// is never held whole in memory. The spool needs no fsync: the store's commit is what
// makes a message durable.
type Spool struct {
	dir    string
	memMax int
	mem    bytes.Buffer
	f      *os.File // nil while the message fits in memory
	lim    SpoolLimits
	sum    hash.Hash
	size   int64
	// headerLen is the length of the header section so far (up to MaxHeaderBytes). The
	// section itself is read back from mem or f at the end, not copied aside: a session
	// then holds at most MemoryBytes however large the header (a copy grown by doubling
	// cost about twice max_header_bytes per session, all of them at once in a flood).
	headerLen int
	// state of the scan across writes
	inHeader  bool
	prev      byte // last byte written, for CRLF checks
	lineStart bool
	err       error
	bufs      *sync.Pool // of *bufio.Writer, may be nil
}

// Create starts a new spool file.
func (s *Spooler) Create(lim SpoolLimits) (*Spool, error) {
	return &Spool{dir: s.dir, memMax: s.MemoryBytes, lim: lim, sum: sha256.New(), inHeader: true, lineStart: true, bufs: &s.copyBufs}, nil
}

// ReadFrom copies r into the spool, stopping at the first limit that is exceeded.
func (sp *Spool) ReadFrom(r io.Reader) (int64, error) {
	bw := sp.copyBuffer()
	n, err := io.Copy(bw, r)
	if err == nil {
		err = bw.Flush()
	}
	if sp.bufs != nil {
		bw.Reset(nil)
		sp.bufs.Put(bw)
	}
	if sp.err != nil {
		return n, sp.err
	}
	return n, err
}

func (sp *Spool) copyBuffer() *bufio.Writer {
	if sp.bufs != nil {
		if bw, ok := sp.bufs.Get().(*bufio.Writer); ok {
			bw.Reset(writerFunc(sp.write))
			return bw
		}
	}
	return bufio.NewWriterSize(writerFunc(sp.write), 64<<10)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func (sp *Spool) write(p []byte) (int, error) {
	if sp.err != nil {
		return 0, sp.err
	}
	if sp.lim.MaxBytes > 0 && sp.size+int64(len(p)) > sp.lim.MaxBytes {
		sp.err = fmt.Errorf("message larger than %d bytes", sp.lim.MaxBytes)
		return 0, sp.err
	}
	if err := sp.scan(p); err != nil {
		sp.err = err
		return 0, err
	}
	if err := sp.store(p); err != nil {
		sp.err = fmt.Errorf("%w: %w", ErrSpool, err)
		return 0, sp.err
	}
	sp.sum.Write(p)
	sp.size += int64(len(p))
	return len(p), nil
}

// store keeps p in memory, or in the file once the message has outgrown memory.
func (sp *Spool) store(p []byte) error {
	if sp.f == nil && sp.mem.Len()+len(p) <= sp.memMax {
		sp.mem.Write(p)
		return nil
	}
	if sp.f == nil {
		f, err := os.CreateTemp(sp.dir, "msg-*")
		if err != nil {
			return err
		}
		sp.f = f
		if _, err := f.Write(sp.mem.Bytes()); err != nil {
			return err
		}
		sp.mem = bytes.Buffer{}
	}
	_, err := sp.f.Write(p)
	return err
}

// scan checks line endings and collects the header section.
func (sp *Spool) scan(p []byte) error {
	if sp.lim.RejectBareLF {
		if err := sp.checkCRLF(p); err != nil {
			return err
		}
	}
	if sp.inHeader {
		if err := sp.scanHeader(p); err != nil {
			return err
		}
	}
	if len(p) > 0 {
		sp.prev = p[len(p)-1]
	}
	return nil
}

func (sp *Spool) checkCRLF(p []byte) error {
	prev := sp.prev
	for i := 0; i < len(p); {
		j := bytes.IndexByte(p[i:], '\n')
		if j < 0 {
			return nil
		}
		at := i + j
		before := prev
		if at > 0 {
			before = p[at-1]
		}
		if before != '\r' {
			return ErrBareLF
		}
		i = at + 1
	}
	return nil
}

// scanHeader counts header bytes until the empty line that ends the header section.
func (sp *Spool) scanHeader(p []byte) error {
	for _, c := range p {
		if sp.lim.MaxHeaderBytes > 0 && sp.headerLen >= sp.lim.MaxHeaderBytes {
			return ErrHeaderTooLarge
		}
		sp.headerLen++
		switch {
		case c == '\n' && sp.lineStart: // an empty line, LF or CRLF
			sp.inHeader = false
			return nil
		case c == '\n':
			sp.lineStart = true
		case c == '\r' && sp.lineStart:
			// still at the start of a line: CRLF here is the empty line
		default:
			sp.lineStart = false
		}
	}
	return nil
}

// Finish checks what can only be checked at the end and prepares the raw message for
// the store.
func (sp *Spool) Finish() (store.RawMessage, error) {
	if sp.err != nil {
		return store.RawMessage{}, sp.err
	}
	hdr, err := sp.headerSection()
	if err != nil {
		return store.RawMessage{}, err
	}
	if sp.lim.MaxReceived > 0 && countFields(hdr, "Received") > sp.lim.MaxReceived {
		return store.RawMessage{}, ErrTooManyHops
	}
	var r io.ReaderAt = bytes.NewReader(sp.mem.Bytes())
	if sp.f != nil {
		r = sp.f
	}
	return store.RawMessage{
		R:         r,
		Size:      sp.size,
		SHA256:    hex.EncodeToString(sp.sum.Sum(nil)),
		MessageID: messageIDFromHeader(hdr),
	}, nil
}

// headerSection reads the header section back from where the message is kept.
func (sp *Spool) headerSection() ([]byte, error) {
	if sp.f == nil {
		return sp.mem.Bytes()[:sp.headerLen], nil
	}
	hdr := make([]byte, sp.headerLen)
	if _, err := sp.f.ReadAt(hdr, 0); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrSpool, err)
	}
	return hdr, nil
}

// Write adds bytes to the spool, with the same checks as ReadFrom.
func (sp *Spool) Write(p []byte) (int, error) { return sp.write(p) }

// Size is the number of bytes spooled so far.
func (sp *Spool) Size() int64 { return sp.size }

// Remove deletes the spool file; the store has its own copy by then, or the message was
// refused.
func (sp *Spool) Remove() {
	if sp.f != nil {
		sp.f.Close()
		os.Remove(sp.f.Name())
	}
}

// countFields counts header fields with the given name at the start of a line.
func countFields(hdr []byte, name string) int {
	n := 0
	prefix := []byte(name + ":")
	for line := range bytes.Lines(hdr) {
		if len(line) >= len(prefix) && bytes.EqualFold(line[:len(prefix)], prefix) {
			n++
		}
	}
	return n
}

// messageIDFromHeader returns the Message-ID with angle brackets, or "" when the header
// has none or cannot be read. Folded and oddly spaced values are normalised.
func messageIDFromHeader(hdr []byte) string {
	// A reader no larger than the header (most are a few hundred bytes) rather than
	// bufio's 4 KiB: this runs once per received message.
	size := min(max(len(hdr)+1, 16), 4096)
	h, err := textproto.ReadHeader(bufio.NewReaderSize(bytes.NewReader(hdr), size))
	if err != nil && h.Len() == 0 {
		return ""
	}
	return message.NormalizeID(h.Get("Message-Id"))
}
