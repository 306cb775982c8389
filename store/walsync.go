package store

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Intake commits are pipelined: the writer commits a batch into the WAL without SQLite's
// fsync (synchronous=NORMAL) and hands it to the WAL syncer, which fsyncs the WAL file
// and only then answers the batch's senders. While one fsync runs, the writer already
// writes the next batch, so the disk wait and the CPU work overlap, and one fsync covers
// every batch committed before it started. The guarantee is the one of
// synchronous=FULL: no sender hears "committed" before its frames are on disk. In WAL
// mode a NORMAL commit never corrupts the database; a checkpoint fsyncs the WAL before
// it copies frames, so a batch checkpointed before the syncer got to it is durable too.

// syncedBatch is a committed batch waiting for the fsync that makes it durable.
type syncedBatch struct {
	reqs    []*ingestRequest
	results []IngestResult
	start   time.Time
}

// walFile keeps a descriptor of the WAL file open for fsync. SQLite takes no locks on
// the WAL file itself (they live on the database and -shm files), so this descriptor
// cannot release one of SQLite's POSIX locks when it is closed.
type walFile struct {
	path string
	f    *os.File
}

func openWAL(dbPath string) (*walFile, error) {
	w := &walFile{path: dbPath + "-wal"}
	if err := w.reopen(); err != nil {
		return nil, err
	}
	// The WAL file's own directory entry must be durable too.
	if err := syncDir(filepath.Dir(dbPath)); err != nil {
		w.f.Close()
		return nil, err
	}
	return w, nil
}

func (w *walFile) reopen() error {
	f, err := os.OpenFile(w.path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("store: open WAL for sync: %w", err)
	}
	if w.f != nil {
		w.f.Close()
	}
	w.f = f
	return nil
}

// sync makes every frame written so far durable. If SQLite replaced the WAL file (it
// deletes it only when the last connection closes), the new one is opened first.
func (w *walFile) sync() error {
	cur, err := w.f.Stat()
	if err != nil {
		return err
	}
	if disk, err := os.Stat(w.path); err != nil || !os.SameFile(cur, disk) {
		if err := w.reopen(); err != nil {
			return err
		}
	}
	return w.f.Sync()
}

func (w *walFile) close() error { return w.f.Close() }

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("store: sync %s: %w", dir, err)
	}
	return nil
}

// runWALSyncer answers committed batches after the fsync that covers them. It ends when
// the writer closes the queue, after answering everything in it.
func (db *DB) runWALSyncer() {
	defer db.batcherWG.Done()
	for first := range db.synced {
		pending := []syncedBatch{first}
	more:
		for {
			select {
			case b, ok := <-db.synced:
				if !ok {
					break more
				}
				pending = append(pending, b)
			default:
				break more
			}
		}
		err := db.wal.sync()
		if err != nil {
			db.log.Error("WAL fsync failed: answering the batch with an error", "err", err)
			err = fmt.Errorf("store: fsync WAL: %w", err)
		}
		for _, b := range pending {
			db.answer(b, err)
		}
		if err == nil {
			select {
			case db.committed <- struct{}{}:
			default:
			}
		}
	}
}

// answer tells each sender of a batch the outcome. After a failed fsync the rows exist
// but may not survive a crash: the sender is told to retry, and the retry is linked as a
// duplicate if the first copy did survive.
func (db *DB) answer(b syncedBatch, err error) {
	if err == nil && db.opts.OnCommit != nil {
		db.opts.OnCommit(time.Since(b.start), len(b.reqs))
	}
	for i, req := range b.reqs {
		if err != nil {
			req.done <- ingestResponse{err: err}
			continue
		}
		req.done <- ingestResponse{res: b.results[i]}
	}
}
