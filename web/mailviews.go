package web

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/liaisond/liaisond/mail"
)

// Showing a statement's mail means reading and parsing its raw message, up to tens of
// megabytes, on a page anyone may load. Raw messages never change, so the public view
// of a parse is kept in a small cache, and at most mailParseSlots parses run at once: a
// visitor reloading a statement costs a map lookup, and many visitors at once cannot
// make the daemon, which also receives mail, hold many large messages in memory.
const (
	mailParseSlots     = 2
	mailParseWait      = 10 * time.Second // then 503 with Retry-After
	maxCachedViews     = 64
	maxCachedViewBytes = 16 << 20 // of body text
)

// errBusy: every parse slot stayed taken for mailParseWait.
var errBusy = errors.New("too many mail views being prepared; try again shortly")

// mailViews caches public mail views by message and bounds concurrent parses.
type mailViews struct {
	slots chan struct{}
	wait  time.Duration

	mu    sync.Mutex
	views map[int64]*mailView
	order []int64 // oldest first
	bytes int
}

func newMailViews() *mailViews {
	return &mailViews{slots: make(chan struct{}, mailParseSlots), wait: mailParseWait, views: map[int64]*mailView{}}
}

// parse runs fn in a parse slot, waiting for one at most c.wait.
func (c *mailViews) parse(ctx context.Context, fn func() error) error {
	ctx, cancel := context.WithTimeout(ctx, c.wait)
	defer cancel()
	select {
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		return errBusy
	}
	defer func() { <-c.slots }()
	return fn()
}

func (c *mailViews) get(message int64) *mailView {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.views[message]
}

// put keeps v, dropping the oldest views past the count or text bounds. A view larger
// than the whole bound is not kept.
func (c *mailViews) put(message int64, v *mailView) {
	size := len(v.Text)
	if size > maxCachedViewBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.views[message]; ok {
		return
	}
	for len(c.order) > 0 && (len(c.order) >= maxCachedViews || c.bytes+size > maxCachedViewBytes) {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= len(c.views[old].Text)
		delete(c.views, old)
	}
	c.views[message], c.bytes = v, c.bytes+size
	c.order = append(c.order, message)
}

// parseRaw reads and parses a message's raw bytes in a parse slot.
func (s *Server) parseRaw(ctx context.Context, message int64) (raw []byte, m *mail.Message, err error) {
	err = s.mailViews.parse(ctx, func() error {
		if raw, err = s.db.Raw(ctx, message); err != nil {
			return err
		}
		m, err = mail.ParseBytes(raw, s.parseLimits)
		return err
	})
	return raw, m, err
}
