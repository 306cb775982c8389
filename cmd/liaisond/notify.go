package main

import (
	"net"
	"os"
)

// sdNotify tells systemd about the daemon's state (Type=notify units). It does nothing
// when not started by systemd. The protocol is one datagram on $NOTIFY_SOCKET, small
// enough not to need a library.
func sdNotify(state string) {
	path := os.Getenv("NOTIFY_SOCKET")
	if path == "" {
		return
	}
	if path[0] == '@' {
		path = "\x00" + path[1:] // abstract socket
	}
	conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		return
	}
	defer conn.Close()
	conn.Write([]byte(state))
}
