package convert

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// The PDF child protocol: the parent starts its own executable with childEnv set, the PDF on
// stdin and the limits as JSON in limitsEnv; the child writes one childReply as JSON on
// stdout and exits 0. Anything else (a crash, the kill timer, the memory limit) is an error.
const (
	childEnv  = "LIAISOND_CONVERT_CHILD"
	childMode = "pdf-text/1"
	limitsEnv = "LIAISOND_CONVERT_LIMITS"
	maxStderr = 16 << 10
)

// childCapable records that this executable answers the child protocol: its main (or
// TestMain) called RunChildIfRequested. Without it, starting the executable again could run
// a whole daemon or test suite, so PDFs are then read in-process. It is written once at start.
var childCapable atomic.Bool

// RunChildIfRequested must be the first statement of main (and of TestMain in packages whose
// tests extract PDF text). In a PDF child process it reads the PDF from stdin, writes the text
// as JSON to stdout and exits; otherwise it returns at once and enables child extraction.
func RunChildIfRequested() {
	if os.Getenv(childEnv) != childMode {
		childCapable.Store(true)
		return
	}
	os.Exit(runChild(os.Stdin, os.Stdout))
}

// childReply is what the child prints. Class names the sentinel error, so errors.Is works in
// the parent.
type childReply struct {
	pdfOut
	Error string `json:"error,omitempty"`
	Class string `json:"class,omitempty"`
}

var errorClasses = map[string]error{
	"limit": ErrLimit, "malformed": ErrMalformed, "encrypted": ErrEncrypted,
}

func runChild(in io.Reader, out io.Writer) int {
	var lim Limits
	if err := json.Unmarshal([]byte(os.Getenv(limitsEnv)), &lim); err != nil {
		fmt.Fprintln(os.Stderr, "convert child: bad limits:", err)
		return 2
	}
	lim = lim.withDefaults()
	limitMemory(lim.PDFMemoryBytes)
	data, err := io.ReadAll(io.LimitReader(in, lim.MaxInputBytes+1))
	if err != nil {
		fmt.Fprintln(os.Stderr, "convert child: reading stdin:", err)
		return 2
	}
	ctx, cancel := context.WithTimeout(context.Background(), lim.Timeout)
	defer cancel()
	res, err := extractPDFSafely(ctx, data, lim)
	reply := childReply{pdfOut: res}
	if err != nil {
		reply.Error, reply.Class = err.Error(), "malformed"
		for name, class := range errorClasses {
			if errors.Is(err, class) {
				reply.Class = name
			}
		}
	}
	if err := json.NewEncoder(out).Encode(reply); err != nil {
		return 2
	}
	return 0
}

// limitMemory caps the child's address space at what it has reserved so far plus n, so a PDF
// that makes the parser allocate without bound kills the child, not the machine. (The Go
// runtime reserves several hundred MiB of address space it never touches, hence the base.)
// The Go heap limit makes the garbage collector work harder before that.
func limitMemory(n int64) {
	debug.SetMemoryLimit(n)
	total := uint64(n) + vmSize()
	lim := syscall.Rlimit{Cur: total, Max: total}
	_ = syscall.Setrlimit(syscall.RLIMIT_AS, &lim) // best effort: a failure leaves the timer
}

// vmSize returns the process's current address-space size (VmSize in /proc/self/status).
func vmSize() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 1 << 30
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmSize:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 1 << 30
}

// extractPDFSafely is extractPDF with a last recover, for panics outside the page guards.
func extractPDFSafely(ctx context.Context, data []byte, lim Limits) (out pdfOut, err error) {
	defer recoverAs(&err)
	return extractPDF(ctx, data, lim)
}

// pdfText extracts PDF text in a child process when the executable supports it, otherwise
// (or when Limits.PDFInProcess asks for it) in this process.
func pdfText(ctx context.Context, data []byte, lim Limits) (pdfOut, error) {
	if lim.PDFInProcess || !childCapable.Load() {
		return pdfInProcess(ctx, data, lim)
	}
	return pdfInChild(ctx, data, lim)
}

// pdfInProcess adds the guard only the child can do without: the library allocates its
// object table from the /Size a file claims, so claims no file of this size can need are
// refused before it sees them.
func pdfInProcess(ctx context.Context, data []byte, lim Limits) (pdfOut, error) {
	if n := largestSize(data); n > int64(len(data))+1000 {
		return pdfOut{}, fmt.Errorf("%w: PDF claims %d objects in %d bytes", ErrMalformed, n, len(data))
	}
	out, err := extractPDFSafely(ctx, data, lim)
	if !lim.PDFInProcess {
		out.Warnings = append(out.Warnings, "PDF read in-process: the executable does not call convert.RunChildIfRequested")
	}
	return out, err
}

var sizeEntry = regexp.MustCompile(`/Size\s+(\d{1,18})`)

// largestSize returns the largest /Size value in the file.
func largestSize(data []byte) int64 {
	var largest int64
	for _, m := range sizeEntry.FindAllSubmatch(data, -1) {
		if n, err := strconv.ParseInt(string(m[1]), 10, 64); err == nil && n > largest {
			largest = n
		}
	}
	return largest
}

func pdfInChild(ctx context.Context, data []byte, lim Limits) (pdfOut, error) {
	exe, err := os.Executable()
	if err != nil {
		return pdfOut{}, fmt.Errorf("PDF child: %w", err)
	}
	limits, err := json.Marshal(lim)
	if err != nil {
		return pdfOut{}, err
	}
	cmd := exec.CommandContext(ctx, exe) // ctx ends at Limits.Timeout (see Text): the kill timer
	cmd.Env = []string{childEnv + "=" + childMode, limitsEnv + "=" + string(limits)}
	cmd.Stdin = bytes.NewReader(data)
	stdout := &capBuffer{max: 2*lim.MaxTextBytes + 1<<20}
	stderr := &capBuffer{max: maxStderr}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cmd.WaitDelay = time.Second
	runErr := cmd.Run()
	if ctx.Err() != nil {
		return pdfOut{}, fmt.Errorf("%w: PDF text extraction took longer than %s and was killed", ErrLimit, lim.Timeout)
	}
	if runErr != nil {
		return pdfOut{}, childFailure(runErr, stderr.String(), lim)
	}
	var reply childReply
	if err := json.Unmarshal(stdout.Bytes(), &reply); err != nil {
		return pdfOut{}, fmt.Errorf("PDF child: unreadable reply: %v", err)
	}
	if reply.Error != "" {
		return reply.pdfOut, &childError{class: errorClasses[reply.Class], msg: reply.Error}
	}
	return reply.pdfOut, nil
}

// childFailure explains a child that did not reply: out of memory, or a crash.
func childFailure(runErr error, stderr string, lim Limits) error {
	if strings.Contains(stderr, "out of memory") || strings.Contains(stderr, "cannot allocate memory") ||
		strings.Contains(stderr, "failed to create new OS thread") {
		return fmt.Errorf("%w: PDF text extraction needed more than %d MiB of memory", ErrLimit, lim.PDFMemoryBytes>>20)
	}
	last := strings.TrimSpace(stderr)
	if i := strings.IndexByte(last, '\n'); i > 0 {
		last = last[:i] // the first line names the failure; the rest is a stack trace
	}
	return fmt.Errorf("%w: PDF reader process failed (%v): %s", ErrMalformed, runErr, last)
}

// childError carries a child's error message with its class for errors.Is.
type childError struct {
	class error
	msg   string
}

func (e *childError) Error() string { return e.msg }
func (e *childError) Unwrap() error { return e.class }

// capBuffer keeps at most max bytes; the rest is dropped (and then the reply is unreadable,
// which is reported).
type capBuffer struct {
	bytes.Buffer
	max int
}

func (c *capBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); room > 0 {
		c.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}
