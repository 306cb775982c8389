// Package dnstest runs a real DNS server on 127.0.0.1 (miekg/dns, UDP and TCP on one port)
// serving the records a test gives it: TXT for SPF, DKIM and DMARC, A and MX. It answers
// NXDOMAIN for names it does not hold, and can be told to stay silent for a name (a DNS
// timeout) or to answer SERVFAIL. It must be used by tests and benchmarks only.
package dnstest

import (
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/miekg/dns"
)

// Server is a running test DNS server.
type Server struct {
	Addr string // "127.0.0.1:port", for a resolver setting

	mu       sync.Mutex
	txt      map[string][]string
	a        map[string][]net.IP
	mx       map[string][]string
	silent   map[string]bool
	servfail map[string]bool
	queries  int
}

// Start starts a server on a free loopback port; it stops when the test ends.
func Start(t testing.TB) *Server {
	t.Helper()
	s := &Server{
		txt: map[string][]string{}, a: map[string][]net.IP{}, mx: map[string][]string{},
		silent: map[string]bool{}, servfail: map[string]bool{},
	}
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.Addr = pc.LocalAddr().String()
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		pc.Close()
		t.Fatalf("dnstest: TCP on the UDP port %s: %v", s.Addr, err)
	}
	udp := &dns.Server{PacketConn: pc, Handler: s}
	tcp := &dns.Server{Listener: ln, Handler: s}
	go udp.ActivateAndServe()
	go tcp.ActivateAndServe()
	t.Cleanup(func() {
		udp.Shutdown()
		tcp.Shutdown()
	})
	return s
}

func fqdn(name string) string { return dns.Fqdn(strings.ToLower(name)) }

// TXT adds a TXT record; a value longer than 255 bytes is split into strings, as a zone
// file would hold a long DKIM key.
func (s *Server) TXT(name, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.txt[fqdn(name)] = append(s.txt[fqdn(name)], value)
}

// A adds an address record.
func (s *Server) A(name string, ip net.IP) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.a[fqdn(name)] = append(s.a[fqdn(name)], ip)
}

// MX adds a mail exchanger.
func (s *Server) MX(name, host string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mx[fqdn(name)] = append(s.mx[fqdn(name)], fqdn(host))
}

// Silent makes the server drop every query for name (and names under it): the client
// times out.
func (s *Server) Silent(name string, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.silent[fqdn(name)] = on
}

// ServFail makes the server answer SERVFAIL for name and names under it.
func (s *Server) ServFail(name string, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.servfail[fqdn(name)] = on
}

// Queries is the number of questions asked so far.
func (s *Server) Queries() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.queries
}

// under reports whether set marks name or one of its parents.
func under(set map[string]bool, name string) bool {
	for n := name; n != ""; {
		if set[n] {
			return true
		}
		_, rest, ok := strings.Cut(n, ".")
		if !ok {
			break
		}
		n = rest
	}
	return false
}

// ServeDNS answers one query from the records held.
func (s *Server) ServeDNS(w dns.ResponseWriter, req *dns.Msg) {
	if len(req.Question) != 1 {
		m := new(dns.Msg)
		m.SetRcode(req, dns.RcodeFormatError)
		w.WriteMsg(m)
		return
	}
	q := req.Question[0]
	name := strings.ToLower(q.Name)
	s.mu.Lock()
	s.queries++
	if under(s.silent, name) {
		s.mu.Unlock()
		return
	}
	m := new(dns.Msg)
	m.SetReply(req)
	m.Authoritative = true
	if under(s.servfail, name) {
		s.mu.Unlock()
		m.SetRcode(req, dns.RcodeServerFailure)
		w.WriteMsg(m)
		return
	}
	hdr := dns.RR_Header{Name: q.Name, Class: dns.ClassINET, Ttl: 60}
	known := len(s.txt[name])+len(s.a[name])+len(s.mx[name]) > 0
	switch q.Qtype {
	case dns.TypeTXT:
		for _, v := range s.txt[name] {
			h := hdr
			h.Rrtype = dns.TypeTXT
			m.Answer = append(m.Answer, &dns.TXT{Hdr: h, Txt: split255(v)})
		}
	case dns.TypeA:
		for _, ip := range s.a[name] {
			if ip4 := ip.To4(); ip4 != nil {
				h := hdr
				h.Rrtype = dns.TypeA
				m.Answer = append(m.Answer, &dns.A{Hdr: h, A: ip4})
			}
		}
	case dns.TypeMX:
		for _, host := range s.mx[name] {
			h := hdr
			h.Rrtype = dns.TypeMX
			m.Answer = append(m.Answer, &dns.MX{Hdr: h, Preference: 10, Mx: host})
		}
	}
	s.mu.Unlock()
	if !known {
		m.SetRcode(req, dns.RcodeNameError)
	}
	if w.LocalAddr().Network() == "udp" {
		size := dns.MinMsgSize
		if opt := req.IsEdns0(); opt != nil {
			size = int(opt.UDPSize())
		}
		m.Truncate(size)
	}
	w.WriteMsg(m)
}

func split255(v string) []string {
	var parts []string
	for len(v) > 255 {
		parts = append(parts, v[:255])
		v = v[255:]
	}
	return append(parts, v)
}
