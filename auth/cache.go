package auth

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"
)

// dnsResolver is what the checks ask DNS (a *net.Resolver answers it; so does
// blitiri.com.ar/go/spf's DNSResolver).
type dnsResolver interface {
	LookupTXT(ctx context.Context, name string) ([]string, error)
	LookupMX(ctx context.Context, name string) ([]*net.MX, error)
	LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error)
	LookupAddr(ctx context.Context, addr string) ([]string, error)
}

// Cache lifetimes: answers (and "no such name") are kept for answerTTL; a failure (a
// timeout, SERVFAIL) for failureTTL, so that a burst from one domain asks DNS once and a
// DNS outage costs one timeout per failureTTL, not one per message.
const (
	answerTTL    = 5 * time.Minute
	failureTTL   = 5 * time.Second
	maxCacheSize = 10000
)

// cachingResolver answers repeated questions from memory and asks DNS once for
// concurrent identical questions.
type cachingResolver struct {
	r   *net.Resolver
	now func() time.Time

	mu      sync.Mutex
	entries map[string]cacheEntry
	flight  singleflight.Group
}

type cacheEntry struct {
	value   any
	err     error
	expires time.Time
}

func newCachingResolver(r *net.Resolver) *cachingResolver {
	return &cachingResolver{r: r, now: time.Now, entries: map[string]cacheEntry{}}
}

// lookup answers key from the cache or by calling ask once.
func (c *cachingResolver) lookup(ctx context.Context, key string, ask func(context.Context) (any, error)) (any, error) {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok && c.now().Before(e.expires) {
		c.mu.Unlock()
		return e.value, e.err
	}
	c.mu.Unlock()
	v, err, _ := c.flight.Do(key, func() (any, error) {
		v, err := ask(ctx)
		ttl := answerTTL
		var dnsErr *net.DNSError
		if err != nil && !(errors.As(err, &dnsErr) && dnsErr.IsNotFound) {
			ttl = failureTTL
		}
		c.mu.Lock()
		if len(c.entries) >= maxCacheSize {
			c.evict()
		}
		c.entries[key] = cacheEntry{value: v, err: err, expires: c.now().Add(ttl)}
		c.mu.Unlock()
		return v, err
	})
	return v, err
}

// evict drops expired entries, and everything when none has expired (the cache is a
// burst absorber, not a database).
func (c *cachingResolver) evict() {
	now := c.now()
	for k, e := range c.entries {
		if !now.Before(e.expires) {
			delete(c.entries, k)
		}
	}
	if len(c.entries) >= maxCacheSize {
		c.entries = map[string]cacheEntry{}
	}
}

func cacheKey(kind, name string) string { return kind + " " + strings.ToLower(name) }

func (c *cachingResolver) LookupTXT(ctx context.Context, name string) ([]string, error) {
	v, err := c.lookup(ctx, cacheKey("TXT", name), func(ctx context.Context) (any, error) { return c.r.LookupTXT(ctx, name) })
	txt, _ := v.([]string)
	return txt, err
}

func (c *cachingResolver) LookupMX(ctx context.Context, name string) ([]*net.MX, error) {
	v, err := c.lookup(ctx, cacheKey("MX", name), func(ctx context.Context) (any, error) { return c.r.LookupMX(ctx, name) })
	mx, _ := v.([]*net.MX)
	return mx, err
}

func (c *cachingResolver) LookupIPAddr(ctx context.Context, host string) ([]net.IPAddr, error) {
	v, err := c.lookup(ctx, cacheKey("IP", host), func(ctx context.Context) (any, error) { return c.r.LookupIPAddr(ctx, host) })
	ips, _ := v.([]net.IPAddr)
	return ips, err
}

func (c *cachingResolver) LookupAddr(ctx context.Context, addr string) ([]string, error) {
	v, err := c.lookup(ctx, cacheKey("PTR", addr), func(ctx context.Context) (any, error) { return c.r.LookupAddr(ctx, addr) })
	names, _ := v.([]string)
	return names, err
}
