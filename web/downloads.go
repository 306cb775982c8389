package web

import (
	"context"
	"time"

	"golang.org/x/sync/semaphore"
)

// A download is read whole from the database before it is sent (a row is not streamed
// without holding a read transaction open for a slow client). Downloads in flight are
// bounded by their bytes, so that many visitors fetching a large attachment at once
// cannot make the daemon, which also receives mail, hold it many times over.
const (
	downloadBudget = 64 << 20
	downloadWait   = 10 * time.Second // then 503 with Retry-After
)

type downloads struct {
	sem  *semaphore.Weighted
	max  int64
	wait time.Duration
}

func newDownloads(budget int64) *downloads {
	return &downloads{sem: semaphore.NewWeighted(budget), max: budget, wait: downloadWait}
}

// acquire reserves size bytes (a file larger than the whole budget takes all of it),
// waiting at most d.wait; the returned func releases them.
func (d *downloads) acquire(ctx context.Context, size int64) (func(), error) {
	n := min(max(size, 1), d.max)
	ctx, cancel := context.WithTimeout(ctx, d.wait)
	defer cancel()
	if err := d.sem.Acquire(ctx, n); err != nil {
		return nil, errBusy
	}
	return func() { d.sem.Release(n) }, nil
}
