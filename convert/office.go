package convert

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/liaisond/liaisond/internal/leftover"
)

// OfficeConfig configures the LibreOffice converter. Start from DefaultOfficeConfig: zero
// durations and counts take defaults, but Isolate is a plain switch.
type OfficeConfig struct {
	// Binary is the LibreOffice executable, looked up in PATH.
	Binary string `toml:"binary"`
	// Timeout is the budget of one document. A batch is killed when no new PDF has appeared
	// for Timeout, and in any case after Timeout × documents.
	Timeout time.Duration `toml:"timeout"`
	// Concurrency is how many LibreOffice processes may run at once.
	Concurrency int `toml:"concurrency"`
	// QueueSize is how many documents may wait; beyond it ToPDF fails with ErrBusy.
	QueueSize int `toml:"queue_size"`
	// BatchWindow is how long the first waiting document waits for others to share its
	// LibreOffice start-up (about 1.5 s each).
	BatchWindow time.Duration `toml:"batch_window"`
	// MaxBatch is the most documents converted by one LibreOffice process.
	MaxBatch int `toml:"max_batch"`
	// MaxOutputBytes rejects larger PDFs.
	MaxOutputBytes int64 `toml:"max_output_bytes"`
	// WorkDir holds the private per-batch folders ("" = the system temp folder).
	WorkDir string `toml:"work_dir"`
	// Isolate runs LibreOffice in a new network namespace (no network at all). Without the
	// privilege for it, conversion goes on unisolated and a warning is logged once.
	Isolate bool `toml:"isolate"`
}

// DefaultOfficeConfig returns the defaults: two processes, batches of up to 25 documents
// gathered for 200 ms, two minutes per document, isolated.
func DefaultOfficeConfig() OfficeConfig {
	return OfficeConfig{
		Binary:         "soffice",
		Timeout:        2 * time.Minute,
		Concurrency:    2,
		QueueSize:      500,
		BatchWindow:    200 * time.Millisecond,
		MaxBatch:       25,
		MaxOutputBytes: 256 << 20,
		Isolate:        true,
	}
}

func (c OfficeConfig) withDefaults() OfficeConfig {
	d := DefaultOfficeConfig()
	if c.Binary == "" {
		c.Binary = d.Binary
	}
	setDefault(&c.Timeout, d.Timeout)
	setDefault(&c.Concurrency, d.Concurrency)
	setDefault(&c.QueueSize, d.QueueSize)
	setDefault(&c.BatchWindow, d.BatchWindow)
	setDefault(&c.MaxBatch, d.MaxBatch)
	setDefault(&c.MaxOutputBytes, d.MaxOutputBytes)
	return c
}

// officeExt is the file extension LibreOffice gets for each kind it converts. Input files are
// named "<n><ext>" in a private folder: the attachment's own name is never a path.
var officeExt = map[string]string{
	"doc": ".doc", "docx": ".docx", "rtf": ".rtf", "odt": ".odt", "ods": ".ods", "odp": ".odp",
	"xls": ".xls", "xlsx": ".xlsx", "ppt": ".ppt", "pptx": ".pptx",
}

// Office converts office documents to PDF with LibreOffice in headless mode. Documents that
// arrive within BatchWindow of each other share one LibreOffice process (one start-up per
// batch); each batch gets a fresh folder and a throwaway profile, no network, and a timer
// that kills its whole process group. Safe for concurrent use.
type Office struct {
	cfg   OfficeConfig
	log   *slog.Logger
	queue chan *officeJob
	slots chan struct{}
	ctx   context.Context // cancelled by Close: kills running conversions
	stop  context.CancelFunc
	wg    sync.WaitGroup
	once  sync.Once

	noNetNS atomic.Bool  // set after the kernel refused a network namespace once
	starts  atomic.Int64 // LibreOffice processes started (for tests and metrics)
}

type officeJob struct {
	ctx  context.Context
	data []byte
	ext  string
	done chan officeResult // buffered: the runner never blocks on a caller that left
}

type officeResult struct {
	pdf []byte
	err error
}

// NewOffice starts the converter's dispatcher. When LibreOffice is missing it logs that once;
// ToPDF then fails with ErrNoConverter until it is installed (reprocess converts later).
func NewOffice(cfg OfficeConfig, log *slog.Logger) *Office {
	cfg = cfg.withDefaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	ctx, stop := context.WithCancel(context.Background())
	o := &Office{cfg: cfg, log: log, ctx: ctx, stop: stop,
		queue: make(chan *officeJob, cfg.QueueSize), slots: make(chan struct{}, cfg.Concurrency)}
	if err := o.Available(); err != nil {
		log.Warn("attachments will be recorded without PDF until LibreOffice is installed", "err", err)
	}
	o.removeStaleBatchDirs()
	o.wg.Add(1)
	go o.dispatch()
	return o
}

// Available reports whether LibreOffice can be run, with the fix when it cannot.
func (o *Office) Available() error {
	if _, err := exec.LookPath(o.cfg.Binary); err != nil {
		return fmt.Errorf("%w (%q): install libreoffice-writer-nogui, libreoffice-calc-nogui and libreoffice-impress-nogui, then reprocess", ErrNoConverter, o.cfg.Binary)
	}
	return nil
}

// ToPDF converts one document (the kind is detected from its content; filename only helps
// tell zip and OLE formats apart). It waits for the result or ctx. A full queue gives ErrBusy
// at once; a kind LibreOffice is not used for gives ErrUnsupported.
func (o *Office) ToPDF(ctx context.Context, filename string, data []byte) ([]byte, error) {
	kind, detected := Detect(filename, "", data)
	ext, ok := officeExt[kind]
	if !ok {
		return nil, fmt.Errorf("%w: no PDF conversion for %s", ErrUnsupported, kindLabel(kind, detected))
	}
	if err := o.Available(); err != nil {
		return nil, err
	}
	if o.ctx.Err() != nil {
		return nil, errors.New("convert: office converter closed")
	}
	j := &officeJob{ctx: ctx, data: data, ext: ext, done: make(chan officeResult, 1)}
	select {
	case o.queue <- j:
	default:
		return nil, fmt.Errorf("%w: %d documents waiting", ErrBusy, cap(o.queue))
	}
	select {
	case r := <-j.done:
		return r.pdf, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Close stops the converter: running LibreOffice processes are killed, waiting documents fail.
func (o *Office) Close() error {
	o.once.Do(func() {
		o.stop()
		o.wg.Wait()
		for {
			select {
			case j := <-o.queue:
				j.done <- officeResult{err: errors.New("convert: office converter closed")}
			default:
				return
			}
		}
	})
	return nil
}

// dispatch gathers batches and starts them, at most Concurrency at a time.
func (o *Office) dispatch() {
	defer o.wg.Done()
	for {
		var first *officeJob
		select {
		case first = <-o.queue:
		case <-o.ctx.Done():
			return
		}
		batch := o.gather([]*officeJob{first})
		select {
		case o.slots <- struct{}{}:
		case <-o.ctx.Done():
			failAll(batch, errors.New("convert: office converter closed"))
			return
		}
		batch = o.drain(batch) // documents that queued while every slot was busy
		o.wg.Add(1)
		go func() {
			defer o.wg.Done()
			defer func() { <-o.slots }()
			o.runBatch(batch)
		}()
	}
}

// gather waits up to BatchWindow for more documents, or until the batch is full.
func (o *Office) gather(batch []*officeJob) []*officeJob {
	timer := time.NewTimer(o.cfg.BatchWindow)
	defer timer.Stop()
	for len(batch) < o.cfg.MaxBatch {
		select {
		case j := <-o.queue:
			batch = append(batch, j)
		case <-timer.C:
			return batch
		case <-o.ctx.Done():
			return batch
		}
	}
	return batch
}

func (o *Office) drain(batch []*officeJob) []*officeJob {
	for len(batch) < o.cfg.MaxBatch {
		select {
		case j := <-o.queue:
			batch = append(batch, j)
		default:
			return batch
		}
	}
	return batch
}

func failAll(batch []*officeJob, err error) {
	for _, j := range batch {
		j.done <- officeResult{err: err}
	}
}

// runBatch converts a batch with one LibreOffice process. Documents without a PDF afterwards
// are retried: after a timeout the first of them (LibreOffice converts in order, so it is the
// one that hung) fails and the rest run again as a batch; after a normal exit each is retried
// alone, so one bad document never costs the others their PDF.
func (o *Office) runBatch(batch []*officeJob) {
	batch = liveJobs(batch)
	if len(batch) == 0 {
		return
	}
	pdfs, timedOut, err := o.convertBatch(batch)
	var missing []*officeJob
	for i, j := range batch {
		if pdfs[i] != nil {
			j.done <- officeResult{pdf: pdfs[i]}
		} else {
			missing = append(missing, j)
		}
	}
	switch {
	case len(missing) == 0:
	case errors.Is(err, ErrWorkFolder):
		failAll(missing, err) // LibreOffice never ran: no document is to blame, none is tried alone
	case timedOut:
		missing[0].done <- officeResult{err: fmt.Errorf("%w: LibreOffice took longer than %s on this document and was killed", ErrLimit, o.cfg.Timeout)}
		o.runBatch(missing[1:])
	case len(batch) == 1 || o.ctx.Err() != nil:
		failAll(missing, noPDF(err))
	default:
		for _, j := range missing {
			o.runBatch([]*officeJob{j})
		}
	}
}

// noPDF is the error of a document LibreOffice made no usable PDF of: why LibreOffice
// failed, or, when it exited normally, that its output was missing or not a complete PDF.
func noPDF(err error) error {
	if err == nil {
		return errors.New("LibreOffice produced no PDF: it exited normally without writing a complete PDF")
	}
	return fmt.Errorf("LibreOffice produced no PDF: %w", err)
}

// liveJobs drops documents whose caller has gone away.
func liveJobs(batch []*officeJob) []*officeJob {
	live := batch[:0:0]
	for _, j := range batch {
		if err := j.ctx.Err(); err != nil {
			j.done <- officeResult{err: err}
			continue
		}
		live = append(live, j)
	}
	return live
}

// convertBatch runs LibreOffice once over the batch in a private folder and returns the PDF of
// each document (nil where none was made), whether the run was killed for taking too long, and
// why LibreOffice failed, when it did.
func (o *Office) convertBatch(batch []*officeJob) (pdfs [][]byte, timedOut bool, err error) {
	pdfs = make([][]byte, len(batch))
	dir, err := o.batchDir()
	if err != nil {
		return pdfs, false, err
	}
	defer os.RemoveAll(dir)
	inputs := make([]string, len(batch))
	for i, j := range batch {
		inputs[i] = filepath.Join(dir, "in", strconv.Itoa(i)+j.ext)
		if err := os.WriteFile(inputs[i], j.data, 0o600); err != nil {
			return pdfs, false, fmt.Errorf("%w: %w", ErrWorkFolder, err)
		}
	}
	outDir := filepath.Join(dir, "out")
	start := time.Now()
	timedOut, err = o.runSoffice(dir, outDir, inputs)
	for i := range batch {
		pdfs[i] = o.readPDF(filepath.Join(outDir, strconv.Itoa(i)+".pdf"))
	}
	o.log.Debug("LibreOffice batch done", "documents", len(batch), "took", time.Since(start), "timed_out", timedOut, "err", err)
	return pdfs, timedOut, err
}

// batchDirPattern names the private folder of each batch (batchDir).
const batchDirPattern = "liaisond-office-*"

// batchDir makes a private folder with in/, out/, profile/ and tmp/.
func (o *Office) batchDir() (string, error) {
	dir, err := os.MkdirTemp(o.cfg.WorkDir, strings.TrimSuffix(batchDirPattern, "*"))
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrWorkFolder, err)
	}
	for _, sub := range []string{"in", "out", "profile", "tmp"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o700); err != nil {
			os.RemoveAll(dir)
			return "", fmt.Errorf("%w: %w", ErrWorkFolder, err)
		}
	}
	return dir, nil
}

// removeStaleBatchDirs removes the batch folders (documents, PDFs, a LibreOffice profile)
// that a process killed mid-batch left in the work folder. A batch is killed after
// Timeout × MaxBatch at most and its folder removed then, so an older one has no owner,
// whichever process made it, as long as they share the configuration.
func (o *Office) removeStaleBatchDirs() {
	dir := o.cfg.WorkDir
	if dir == "" {
		dir = os.TempDir()
	}
	age := o.cfg.Timeout*time.Duration(o.cfg.MaxBatch) + o.cfg.BatchWindow + time.Minute
	leftover.RemoveLogged(o.log, "LibreOffice batch folders", dir, batchDirPattern, age)
}

// readPDF returns the output file when it is a complete PDF within the size cap.
func (o *Office) readPDF(name string) []byte {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, o.cfg.MaxOutputBytes+1))
	if err != nil || int64(len(data)) > o.cfg.MaxOutputBytes || !bytes.HasPrefix(data, []byte("%PDF-")) ||
		!bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
		return nil
	}
	return data
}

// runSoffice starts LibreOffice over inputs and waits, killing its process group when no new
// PDF appeared for Timeout, when the batch's total budget is spent, or on Close.
func (o *Office) runSoffice(dir, outDir string, inputs []string) (timedOut bool, err error) {
	args := []string{"--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
		"--nolockcheck", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", outDir}
	logFile, err := os.Create(filepath.Join(dir, "soffice.log"))
	if err != nil {
		return false, fmt.Errorf("%w: %w", ErrWorkFolder, err)
	}
	defer logFile.Close()
	cmd, err := o.start(dir, append(args, inputs...), logFile)
	if err != nil {
		return false, fmt.Errorf("starting %s: %w", o.cfg.Binary, err)
	}
	o.starts.Add(1)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	timedOut, err = o.watch(cmd, done, outDir, len(inputs))
	killGroup(cmd) // LibreOffice's helper processes must not outlive the batch
	if line := lastLine(filepath.Join(dir, "soffice.log")); err != nil && !timedOut && line != "" {
		err = fmt.Errorf("%w: %s", err, line)
	}
	return timedOut, err
}

// watch waits for LibreOffice to exit, checking progress (new files in outDir) twice a second.
func (o *Office) watch(cmd *exec.Cmd, done <-chan error, outDir string, n int) (bool, error) {
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	start, lastProgress, seen := time.Now(), time.Now(), 0
	budget := o.cfg.Timeout * time.Duration(n)
	for {
		select {
		case err := <-done:
			return false, err
		case <-o.ctx.Done():
			killGroup(cmd)
			return false, errors.Join(errors.New("office converter closed"), <-done)
		case now := <-tick.C:
			if count := countFiles(outDir); count > seen {
				seen, lastProgress = count, now
			}
			if now.Sub(lastProgress) > o.cfg.Timeout || now.Sub(start) > budget {
				killGroup(cmd)
				<-done
				return true, nil
			}
		}
	}
}

func countFiles(dir string) int {
	entries, _ := os.ReadDir(dir)
	return len(entries)
}

// command builds the LibreOffice command: own process group (so the timer kills soffice.bin
// too), killed if the daemon dies, a minimal environment, and optionally a new network
// namespace.
func (o *Office) command(dir string, args []string, logFile *os.File, isolate bool) *exec.Cmd {
	cmd := exec.Command(o.cfg.Binary, args...)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.Env = []string{"HOME=" + dir, "TMPDIR=" + filepath.Join(dir, "tmp"), "PATH=/usr/local/bin:/usr/bin:/bin",
		"LANG=C.UTF-8", "SAL_USE_VCLPLUGIN=svp"}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if isolate {
		isolateNetwork(cmd.SysProcAttr)
	}
	return cmd
}

// isolateNetwork asks for a new network namespace: directly as root, or inside a new user
// namespace (mapping our own ids) otherwise.
func isolateNetwork(attr *syscall.SysProcAttr) {
	attr.Cloneflags = syscall.CLONE_NEWNET
	if uid, gid := os.Getuid(), os.Getgid(); uid != 0 {
		attr.Cloneflags |= syscall.CLONE_NEWUSER
		attr.UidMappings = []syscall.SysProcIDMap{{ContainerID: uid, HostID: uid, Size: 1}}
		attr.GidMappings = []syscall.SysProcIDMap{{ContainerID: gid, HostID: gid, Size: 1}}
	}
}

// start starts LibreOffice; when the kernel refuses the network namespace it warns once and
// starts it without.
func (o *Office) start(dir string, args []string, logFile *os.File) (*exec.Cmd, error) {
	isolate := o.cfg.Isolate && !o.noNetNS.Load()
	cmd := o.command(dir, args, logFile, isolate)
	err := cmd.Start()
	if err == nil || !isolate || !isPermissionError(err) {
		return cmd, err
	}
	if !o.noNetNS.Swap(true) {
		o.log.Warn("cannot give LibreOffice its own network namespace; converting without network isolation (the systemd unit's PrivateNetwork= still applies)", "err", err)
	}
	cmd = o.command(dir, args, logFile, false)
	return cmd, cmd.Start()
}

func isPermissionError(err error) bool {
	return errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EINVAL) ||
		errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EUSERS)
}

func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}

// lastLine returns the last non-empty line of LibreOffice's output, for error messages.
func lastLine(name string) string {
	data, _ := os.ReadFile(name)
	lines := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	return string(lines[len(lines)-1])
}
