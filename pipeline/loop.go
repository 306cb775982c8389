package pipeline

import (
	"context"
	"sync"
	"time"
)

// wakeup is the wake-up signal of a background worker: signalling never blocks, and
// signals sent while the worker is busy fold into one. The zero value is ready.
type wakeup struct {
	once sync.Once
	ch   chan struct{}
}

// C is the channel the worker waits on.
func (w *wakeup) C() <-chan struct{} { return w.channel() }

func (w *wakeup) channel() chan struct{} {
	w.once.Do(func() { w.ch = make(chan struct{}, 1) })
	return w.ch
}

// Signal wakes the worker, or leaves a signal for when it next waits.
func (w *wakeup) Signal() {
	select {
	case w.channel() <- struct{}{}:
	default:
	}
}

// drainThenWait is the loop of every background worker: it runs step until step says
// that nothing more is due, then waits for a wake-up, the next poll or the end of ctx,
// and starts again. It returns when ctx ends. wake may be nil (polling only).
func drainThenWait(ctx context.Context, poll time.Duration, wake <-chan struct{}, step func(context.Context) bool) {
	ticker := time.NewTicker(poll)
	defer ticker.Stop()
	for ctx.Err() == nil {
		for ctx.Err() == nil && step(ctx) {
		}
		select {
		case <-ctx.Done():
		case <-wake:
		case <-ticker.C:
		}
	}
}
