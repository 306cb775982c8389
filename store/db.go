package store

import (
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	sqlite "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)

	"github.com/liaisond/liaisond/internal/leftover"
	"github.com/liaisond/liaisond/internal/prealloc"
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrClosed is returned by calls made after Close.
var ErrClosed = errors.New("store: database closed")

// Options tune a DB; the zero value gets the defaults.
type Options struct {
	Logger *slog.Logger
	// Tuning is the [store] section of the configuration.
	Tuning
	// OnCommit, when set, is told how long each group commit took and how many messages
	// it carried (for the metrics).
	OnCommit func(d time.Duration, messages int)
	// OnRead, when set, is told every query run on the read connections, before it runs
	// (tests check the query plans of what pages read).
	OnRead func(query string, args []any)
	// WALLimit bounds the write-ahead log (default 128 MiB): its file is kept to a
	// quarter of it, the log restarted from the file's start once three quarters of that
	// are in use, and a larger file cut back in the next pause of intake; past the whole
	// limit the restart goes ahead of intake (see runCheckpointer).
	WALLimit int64
	// PreallocateLog makes Open give a database without a write-ahead log one of a
	// quarter of WALLimit, written with zeros (see preallocateWAL). The daemon sets it; a
	// command that opens the database for a moment does not.
	PreallocateLog bool
	// Now is the clock; tests replace it.
	Now func() time.Time
}

// Tuning is the writer's group commit and the indexing that follows it: the [store]
// section of the configuration, declared here with its keys since store reads it (config
// embeds it). A zero field takes its default; a negative GroupWait means no wait.
type Tuning struct {
	// MaxBatch and MaxBatchBytes bound one group commit.
	MaxBatch      int   `toml:"max_batch"`
	MaxBatchBytes int64 `toml:"max_batch_bytes"`
	// GroupWait is how long a commit may wait for more concurrent messages to join it.
	GroupWait time.Duration `toml:"group_wait"`
	// ChunkBytes is the size of the pieces raw messages are stored in, so that a large
	// message never has to sit whole in memory.
	ChunkBytes int `toml:"chunk_bytes"`
	// IndexIdle is how long intake must pause before indexing runs, and IndexLag how old
	// the oldest unindexed message may get before indexing takes turns with intake.
	IndexIdle time.Duration `toml:"index_idle"`
	IndexLag  time.Duration `toml:"index_lag"`
	// BusyTimeout is how long a connection waits for a lock held by another process.
	BusyTimeout time.Duration `toml:"busy_timeout"`
	// Sync is the system call that makes a commit durable: SyncFdatasync (the default,
	// as in SQLite's own builds on Linux) or SyncFsync. Both write the data and the size
	// the file needs to be read back; fsync also writes its timestamps, which can cost a
	// commit of the file system's journal on every message. It applies to the whole
	// process (the driver has one switch).
	Sync string `toml:"sync"`
}

// The values of Tuning.Sync.
const (
	SyncFdatasync = "fdatasync"
	SyncFsync     = "fsync"
)

func (o *Options) defaults() {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.BusyTimeout <= 0 {
		o.BusyTimeout = 10 * time.Second
	}
	if o.Sync == "" {
		o.Sync = SyncFdatasync
	}
	if o.MaxBatch <= 0 {
		o.MaxBatch = 64
	}
	if o.MaxBatchBytes <= 0 {
		o.MaxBatchBytes = 64 << 20
	}
	if o.GroupWait == 0 {
		o.GroupWait = 2 * time.Millisecond
	}
	if o.IndexIdle <= 0 {
		o.IndexIdle = 5 * time.Millisecond
	}
	if o.IndexLag <= 0 {
		o.IndexLag = 10 * time.Second
	}
	if o.ChunkBytes <= 0 {
		o.ChunkBytes = 256 << 10
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.WALLimit <= 0 {
		o.WALLimit = 128 << 20
	}
}

// DB is the liaisond database. All writes go through one connection; reads use a small
// pool of read-only connections so that the web UI never waits behind a commit.
type DB struct {
	path string
	opts Options
	log  *slog.Logger
	w    *sql.DB
	r    readPool
	ckpt *sql.DB // passive checkpoints only
	shm  shmReader

	stmts   ingestStatements
	backlog backlog
	// intakeMu is held by whoever records or indexes messages: the batcher, or a lone
	// sender's goroutine committing its own message (commitAlone). It guards backlog
	// and chunkBuf.
	intakeMu sync.Mutex
	chunkBuf []byte // the copy buffer for raw chunks
	intake   *intakeStatements
	wake     chan struct{} // commitAlone recorded a message the batcher must index
	// lastCommit is when the batcher last committed messages (Unix nanoseconds).
	lastCommit atomic.Int64
	ingest     chan *ingestRequest
	committed  chan struct{}
	closing    chan struct{}
	batcherWG  sync.WaitGroup
	closeOnce  sync.Once
}

// Open opens (creating if needed) the database file at path, applies pending migrations
// and starts the group-commit writer.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	opts.defaults()
	if err := useSync(opts.Sync); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("store: create data folder: %w", err)
	}
	if _, err := os.Stat(path); opts.PreallocateLog && errors.Is(err, fs.ErrNotExist) {
		// Created and closed first, so that its log can be preallocated like any other.
		w, err := openWriter(ctx, path, opts)
		if err != nil {
			return nil, err
		}
		if err := w.Close(); err != nil {
			return nil, fmt.Errorf("store: create %s: %w", path, err)
		}
	}
	if opts.PreallocateLog {
		leftover.RemoveLogged(opts.Logger, "preallocated logs", filepath.Dir(path), walTempPattern, staleWALTempAge)
		preallocateWAL(path, walSoftLimit(opts), opts.Logger)
	}
	w, err := openWriter(ctx, path, opts)
	if err != nil {
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(path, opts, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s for reading: %w", path, err)
	}
	r.SetMaxOpenConns(4)
	ckpt, err := sql.Open("sqlite", dsn(path, opts, false))
	if err != nil {
		w.Close()
		r.Close()
		return nil, err
	}
	ckpt.SetMaxOpenConns(1)
	db := &DB{
		ckpt:      ckpt,
		path:      path,
		opts:      opts,
		log:       opts.Logger,
		w:         w,
		r:         readPool{r, opts.OnRead},
		ingest:    make(chan *ingestRequest, 256),
		committed: make(chan struct{}, 1),
		wake:      make(chan struct{}, 1),
		closing:   make(chan struct{}),
	}
	err = db.prepare(ctx)
	if err == nil {
		var n int64
		n, err = db.Unindexed(ctx) // left by a crash between intake and indexing
		db.backlog.add(int(n))
	}
	if err != nil {
		r.Close()
		ckpt.Close()
		w.Close()
		return nil, err
	}
	db.batcherWG.Add(2)
	go db.runBatcher()
	go db.runCheckpointer()
	return db, nil
}

// openWriter opens the writer connection and applies pending migrations.
func openWriter(ctx context.Context, path string, opts Options) (*sql.DB, error) {
	w, err := sql.Open("sqlite", dsn(path, opts, false))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := migrate(ctx, w); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// Checkpoints: how often the log's size is looked at, how often it is checkpointed, how
// long that may be put off while messages are being committed, what counts as busy (a
// commit that recent), and how long a restarting checkpoint waits for readers.
const (
	walWatchEvery      = 50 * time.Millisecond
	checkpointEvery    = 500 * time.Millisecond
	checkpointMaxDelay = 5 * time.Second
	intakeBusyWithin   = 200 * time.Millisecond
	checkpointWait     = time.Second
	// restartWaitBusy is how long a restart waits for readers while intake is busy and
	// the log is under its limit: senders wait behind it, and the next tick tries again.
	restartWaitBusy = 20 * time.Millisecond
)

// walSoftLimit is the size of the log file: past it (three quarters of it in use) the log
// is restarted, or in a pause of intake truncated, and a restarted log file is cut back
// to it (journal_size_limit).
func walSoftLimit(o Options) int64 { return o.WALLimit / 4 }

// runCheckpointer copies the WAL back into the database file every half second, on its
// own connection: the writer's commits never pay for it. While messages are being
// committed it waits (up to checkpointMaxDelay), so that its reads, writes and fsync of
// the database file do not compete with the fsyncs senders wait for. A PASSIVE
// checkpoint waits for no one, but it never restarts the log: only the next writer does
// that, and only once every frame has been copied back and no reader still uses one,
// which a steady stream of commits and reads can put off for ever (a burst of 20,000
// statements left a 4.6 GB log). So what the log holds is watched too (walFill): past a
// quarter of Options.WALLimit it is checkpointed and restarted, so that the next commits
// overwrite the start of the log file instead of growing it. An fsync of a file that grew
// must also commit the file system's journal, behind every other process's metadata: on
// the shared disk this was measured at 0.7–1.2 ms against 0.17 ms for an overwrite, and
// a lone sender waits for one per message. A log file left larger than the quarter (a
// burst's) is truncated in the next pause of intake.
func (db *DB) runCheckpointer() {
	defer db.batcherWG.Done()
	t := time.NewTicker(walWatchEvery)
	defer t.Stop()
	last := time.Now()
	for {
		select {
		case <-db.closing:
			return
		case <-t.C:
		}
		fill, size := db.walFill(), db.walSize()
		soft := walSoftLimit(db.opts)
		busy := time.Since(time.Unix(0, db.lastCommit.Load())) < intakeBusyWithin
		// A log file past the soft limit is cut back in a pause of intake: truncated to
		// nothing, or, when the log is preallocated, restarted once it holds frames, and
		// its next commit cuts the file back to the soft limit (journal_size_limit)
		// instead of growing it.
		cutBack := !busy && size > soft && (!db.opts.PreallocateLog || fill > walHeaderBytes)
		truncate := cutBack && !db.opts.PreallocateLog
		switch {
		// Restarted at three quarters of the soft limit, so that the log stays inside a
		// file of that size (preallocated, or cut back to it) between two looks.
		case fill >= soft/4*3 || cutBack:
			if busy && fill < db.opts.WALLimit {
				// Most of the log is copied back off the writer connection first, so
				// that the restart holds intake back only for what came since.
				db.passiveCheckpoint()
			}
			db.restartWAL(fill, busy, truncate)
		case time.Since(last) < checkpointEvery:
			continue
		case busy && time.Since(last) < checkpointMaxDelay:
			continue
		default:
			db.passiveCheckpoint()
		}
		last = time.Now()
	}
}

func (db *DB) passiveCheckpoint() {
	if _, err := db.ckpt.Exec("PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		db.log.Warn("checkpoint failed", "err", err)
	}
}

// restartWAL copies the whole log back and makes the next commit start the log file
// again from its beginning; with truncate the file is cut to nothing instead. It runs on
// the writer connection, so no write of this process can come between the checkpoint and
// the restart: intake waits for it (a 250 is still only sent after a durable commit). It
// waits up to checkpointWait (restartWaitBusy while intake is busy and the log is under
// its limit) for readers of older frames to finish; if one does not, the log is left as
// it is and the next tick tries again.
func (db *DB) restartWAL(fill int64, busy, truncate bool) {
	ctx := context.Background()
	start := time.Now()
	conn, err := db.w.Conn(ctx)
	if err != nil {
		db.log.Warn("checkpoint: writer connection", "err", err)
		return
	}
	defer conn.Close()
	wait := checkpointWait
	if busy && fill < db.opts.WALLimit {
		wait = restartWaitBusy
	}
	conn.ExecContext(ctx, "PRAGMA busy_timeout = "+strconv.FormatInt(wait.Milliseconds(), 10))
	defer conn.ExecContext(ctx, "PRAGMA busy_timeout = "+strconv.FormatInt(db.opts.BusyTimeout.Milliseconds(), 10))
	mode := "RESTART"
	if truncate {
		mode = "TRUNCATE"
	}
	var blocked, frames, copied int
	err = conn.QueryRowContext(ctx, "PRAGMA wal_checkpoint("+mode+")").Scan(&blocked, &frames, &copied)
	switch {
	case err != nil:
		db.log.Warn("checkpoint failed", "err", err)
	case blocked != 0:
		db.log.Info("log restart put off: a reader is still using the log", "wal_bytes", fill)
	default:
		db.log.Debug("log restarted", "mode", mode, "wal_bytes", fill, "intake_busy", busy, "took", time.Since(start))
	}
}

// walHeaderBytes is the size of the log file's header: a log filled this far is empty.
const walHeaderBytes = 32

// walFill is how many bytes of the write-ahead log hold frames, from the wal-index
// header at the start of the -shm file (SQLite's file format, "WAL-index format": the
// page size as a 16-bit integer at offset 14, 1 meaning 65536, and mxFrame, the last
// valid frame, as a 32-bit integer at offset 16, both in native byte order). A restarted
// log file keeps its size, so the file's size no longer says what it holds. Without the
// header it is the file's size; a torn read only moves one checkpoint.
func (db *DB) walFill() int64 {
	var hdr [20]byte
	if !db.shm.readHeader(db.path+"-shm", hdr[:]) || hdr[12] == 0 { // isInit
		return db.walSize()
	}
	page := int64(binary.NativeEndian.Uint16(hdr[14:]))
	if page == 1 {
		page = 65536
	}
	const frameHeader = 24
	return walHeaderBytes + int64(binary.NativeEndian.Uint32(hdr[16:]))*(page+frameHeader)
}

// shmReader reads the wal-index through one descriptor kept open until the database is
// closed. SQLite's locks are POSIX locks, and the kernel drops all of a process's locks
// on a file when the process closes any descriptor of it: opening and closing the file at
// each look released the daemon's read locks, and another process (the CLI, a backup)
// then restarted the log under a reader of the daemon and overwrote the pages it was
// reading ("database disk image is malformed"). The descriptor is only replaced when the
// path names another file (SQLite removed the old one, which no connection then held).
type shmReader struct {
	mu sync.Mutex
	f  *os.File
}

func (r *shmReader) readHeader(path string, hdr []byte) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	if r.f != nil {
		if open, err := r.f.Stat(); err != nil || !os.SameFile(open, fi) {
			r.f.Close()
			r.f = nil
		}
	}
	if r.f == nil {
		if r.f, err = os.Open(path); err != nil {
			r.f = nil
			return false
		}
	}
	_, err = r.f.ReadAt(hdr, 0)
	return err == nil
}

// close closes the descriptor; only once SQLite's connections are closed.
func (r *shmReader) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.f != nil {
		r.f.Close()
		r.f = nil
	}
}

// preallocateWAL gives a database that has no write-ahead log (the last connection to it
// was closed cleanly) a log file of size bytes of zeros, so that the first commits
// overwrite written blocks instead of growing the file: an fsync of a file that grew must
// also commit the file system's journal (see runCheckpointer). SQLite treats a log whose
// header is not valid as empty. The file is written aside and linked into place only if
// no log has appeared meanwhile (another process opening the database), so a log in use
// is never touched.
func preallocateWAL(path string, size int64, log *slog.Logger) {
	wal := path + "-wal"
	if _, err := os.Stat(wal); !errors.Is(err, fs.ErrNotExist) {
		return
	}
	// Only where the file system has room to spare: the log must never take the space
	// that messages need (it grows anyway when it must).
	var st syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(path), &st); err != nil || int64(st.Bavail)*st.Bsize < 4*size {
		return
	}
	mode := os.FileMode(0o640)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), walTempPattern)
	if err != nil {
		log.Warn("cannot preallocate the write-ahead log", "err", err)
		return
	}
	defer os.Remove(tmp.Name())
	err = tmp.Chmod(mode)
	if err == nil {
		err = prealloc.Fill(tmp, size)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Link(tmp.Name(), wal)
	}
	if err == nil {
		// The new name must outlive a power cut once commits are in the file. SQLite
		// syncs the folder at its first commit into the log, but with the call that
		// Tuning.Sync names, and fdatasync need not carry the metadata of a link.
		os.Remove(tmp.Name())
		err = syncDir(filepath.Dir(path))
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		log.Warn("cannot preallocate the write-ahead log", "err", err)
	}
}

// walTempPattern names the log file preallocateWAL writes aside before linking it.
const walTempPattern = ".wal-*"

// staleWALTempAge is how old a log file written aside must be to count as left by a
// process killed while writing it: a live one is linked or removed within seconds.
const staleWALTempAge = 10 * time.Minute

// syncDir makes the folder's entries durable (fsync, whatever Tuning.Sync says).
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// CheckSync says whether call is a value of Tuning.Sync (config check uses it too).
func CheckSync(call string) error {
	if call != SyncFdatasync && call != SyncFsync {
		return fmt.Errorf("sync must be %q or %q, not %q", SyncFdatasync, SyncFsync, call)
	}
	return nil
}

// useSync sets the driver's system call for commits. Where fdatasync is not available
// (the driver then syncs as SQLite does on that system) the default changes nothing.
func useSync(call string) error {
	if err := CheckSync(call); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	if _, err := sqlite.Fdatasync(call == SyncFdatasync); err != nil && !errors.Is(err, sqlite.ErrFdatasyncUnavailable) {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// walSize is the size of the write-ahead log file, 0 when there is none.
func (db *DB) walSize() int64 {
	fi, err := os.Stat(db.path + "-wal")
	if err != nil {
		return 0
	}
	return fi.Size()
}

// readPool is the read connections; it tells Options.OnRead of each query.
type readPool struct {
	*sql.DB
	onRead func(query string, args []any)
}

func (p readPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if p.onRead != nil {
		p.onRead(query, args)
	}
	return p.DB.QueryContext(ctx, query, args...)
}

func (p readPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if p.onRead != nil {
		p.onRead(query, args)
	}
	return p.DB.QueryRowContext(ctx, query, args...)
}

// dsn builds a modernc.org/sqlite data source name whose pragmas apply to every pooled
// connection, not just the first.
func dsn(path string, opts Options, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout("+strconv.FormatInt(opts.BusyTimeout.Milliseconds(), 10)+")")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(FULL)")
		// Checkpoints run in the background (runCheckpointer), not inside a commit that
		// a sender is waiting for.
		q.Add("_pragma", "wal_autocheckpoint(0)")
		// A log restarted after a checkpoint is cut back to this size at its next write.
		q.Add("_pragma", "journal_size_limit("+strconv.FormatInt(walSoftLimit(opts), 10)+")")
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// migrate applies every embedded migration newer than PRAGMA user_version, each in one
// transaction together with its version bump.
func migrate(ctx context.Context, w *sql.DB) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var current int
	if err := w.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("store: read schema version: %w", err)
	}
	for _, name := range names {
		version, err := strconv.Atoi(strings.SplitN(filepath.Base(name), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("store: migration %s: name must start with its number", name)
		}
		if version <= current {
			continue
		}
		body, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		if err := applyMigration(ctx, w, version, string(body)); err != nil {
			return fmt.Errorf("store: migration %s: %w", name, err)
		}
	}
	return nil
}

func applyMigration(ctx context.Context, w *sql.DB, version int, body string) error {
	tx, err := w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	// PRAGMA does not take bound parameters; version is an integer we parsed.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the applied migration number.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

// Committed is signalled (without blocking the writer) after each commit of new
// messages, so that workers start at once instead of at their next poll.
func (db *DB) Committed() <-chan struct{} { return db.committed }

// Path returns the database file name.
func (db *DB) Path() string { return db.path }

// Ping checks that the database answers reads and that the writer is running.
func (db *DB) Ping(ctx context.Context) error {
	select {
	case <-db.closing:
		return ErrClosed
	default:
	}
	var one int
	return db.r.QueryRowContext(ctx, "SELECT 1").Scan(&one)
}

// Close stops the group-commit writer after it has answered every queued request, then
// closes the connections. It is safe to call more than once.
func (db *DB) Close() error {
	var err error
	db.closeOnce.Do(func() {
		close(db.closing)
		db.batcherWG.Wait()
		db.intakeMu.Lock() // a sender's own commit (commitAlone) ends first
		defer db.intakeMu.Unlock()
		// Passive: the last connection's close checkpoints and removes the log anyway,
		// and a log still in use by another process (the daemon, when a command ends)
		// keeps its file.
		db.ckpt.Exec("PRAGMA wal_checkpoint(PASSIVE)")
		db.closeIntakeStatements()
		err = errors.Join(db.r.Close(), db.ckpt.Close(), db.w.Close())
		db.shm.close()
	})
	return err
}

// Backup writes a consistent copy of the database to file (VACUUM INTO), while the
// daemon keeps running.
func (db *DB) Backup(ctx context.Context, file string) error {
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("store: backup target %s exists", file)
	}
	_, err := db.w.ExecContext(ctx, "VACUUM INTO ?", file)
	return err
}

// timeLayout is the one text form of times in the database: RFC 3339 in UTC with a fixed
// number of fraction digits, so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func timeText(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
