package web

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/liaisond/liaisond/message"
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
	slots  chan struct{}
	wait   time.Duration
	flight singleflight.Group

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

// view returns the cached public view of message, or builds it in a parse slot. Visitors
// who ask at once for a view not cached yet share one build (the first one's, detached
// from its request so that its leaving does not fail the others).
func (c *mailViews) view(ctx context.Context, message int64, build func(context.Context) (*mailView, error)) (*mailView, error) {
	if v := c.get(message); v != nil {
		return v, nil
	}
	shared := context.WithoutCancel(ctx)
	done := c.flight.DoChan(strconv.FormatInt(message, 10), func() (any, error) {
		var v *mailView
		err := c.parse(shared, func() (err error) {
			if v, err = build(shared); err == nil {
				c.put(message, v)
			}
			return err
		})
		return v, err
	})
	select {
	case res := <-done:
		if res.Err != nil {
			return nil, res.Err
		}
		return res.Val.(*mailView), nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// readMail reads and parses a message's raw bytes; call it in a parse slot. The Message
// is nil only when the raw bytes could not be read.
func (s *Server) readMail(ctx context.Context, messageID int64) ([]byte, *message.Message, error) {
	raw, err := s.db.Raw(ctx, messageID)
	if err != nil {
		return nil, nil, err
	}
	m, err := message.ParseBytes(raw, s.parseLimits)
	return raw, m, err
}
