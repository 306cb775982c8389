// Package loopback hands out free TCP addresses on 127.0.0.1 for child processes that
// must be told where to listen before they start (the daemon under test or benchmark,
// Dovecot). It owns only the choice of ports; it must not listen on them for its callers.
package loopback

import (
	"fmt"
	"net"
	"sync"
)

// given remembers every port handed out by this process: the kernel may offer a port
// again as soon as its probing listener is closed, and two children told the same port
// fail with "address already in use".
var (
	mu    sync.Mutex
	given = map[int]bool{}
)

// maxTries bounds the search for ports this process has not handed out yet.
const maxTries = 100

// FreeAddrs returns n distinct "127.0.0.1:port" addresses that nobody listened on when
// asked and that this process has not returned before.
func FreeAddrs(n int) ([]string, error) {
	mu.Lock()
	defer mu.Unlock()
	var held []net.Listener
	defer func() {
		for _, l := range held {
			l.Close()
		}
	}()
	var addrs []string
	for try := 0; len(addrs) < n; try++ {
		if try == maxTries {
			return nil, fmt.Errorf("no free loopback port after %d tries", maxTries)
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, fmt.Errorf("find a free loopback port: %w", err)
		}
		held = append(held, l) // held open so the next Listen cannot get the same port
		port := l.Addr().(*net.TCPAddr).Port
		if given[port] {
			continue
		}
		given[port] = true
		addrs = append(addrs, l.Addr().String())
	}
	return addrs, nil
}

// FreeAddr is FreeAddrs for one address.
func FreeAddr() (string, error) {
	addrs, err := FreeAddrs(1)
	if err != nil {
		return "", err
	}
	return addrs[0], nil
}
