package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strings"

	"github.com/liaisond/liaisond/auth"
	"github.com/liaisond/liaisond/classify"
	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/store"
)

// Review reasons of sender authentication.
const (
	ReasonNotVerified   = "not verified as" // followed by the body's name
	ReasonUnknownSender = "sending body not in the directory"
)

// errAuthRetry makes a job wait for DNS: a claim that could not be checked is never
// decided on.
var errAuthRetry = errors.New("sender authentication: DNS failed (temperror); will check again")

// Authenticator finds out who sent a message: over SMTP it checks SPF, DKIM and DMARC
// itself; over LMTP and IMAP it reads the trusted receiving server's results; imported
// files have nothing to go on.
type Authenticator struct {
	Checker *auth.Checker
	Trusted []string // authserv-ids whose Authentication-Results fields count
	Limits  auth.Limits
}

// NewAuthenticator builds the step from the [auth] section.
func NewAuthenticator(cfg config.AuthConfig) *Authenticator {
	lim := auth.Limits{Timeout: cfg.Timeout, MaxSignatures: cfg.MaxSignatures}
	return &Authenticator{
		Checker: auth.NewChecker(auth.NewResolver(cfg.Resolver), lim),
		Trusted: cfg.TrustedAuthservIDs,
		Limits:  lim,
	}
}

// authenticate returns the message's authentication: the stored one when it was decided,
// else a new check, recorded with an "authenticated" event. A check that hit a DNS failure
// is recorded too and done again on the next attempt.
func (s *Stages) authenticate(ctx context.Context, id int64, raw []byte) (auth.Report, error) {
	if stored, err := s.DB.Auth(ctx, id); err == nil {
		var r auth.Report
		if err := json.Unmarshal(stored.Report, &r); err == nil && !r.Retry {
			return r, nil
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return auth.Report{}, err
	}
	env, err := s.DB.MessageEnvelope(ctx, id)
	if err != nil {
		return auth.Report{}, err
	}
	r := s.Auth.report(ctx, env, raw)
	data, err := json.Marshal(r)
	if err != nil {
		return auth.Report{}, err
	}
	e := store.Event{Type: store.EventAuthenticated, Detail: authDetail(r)}
	if err := s.DB.SaveAuth(ctx, id, store.MessageAuth{Report: data, VerifiedAs: r.VerifiedAs}, e); err != nil {
		return auth.Report{}, fmt.Errorf("save authentication: %w", err)
	}
	return r, nil
}

func (a *Authenticator) report(ctx context.Context, env store.Envelope, raw []byte) auth.Report {
	switch env.Source {
	case store.SourceSMTP:
		return a.Checker.Check(ctx, auth.Envelope{ClientIP: clientIP(env.RemoteAddr), Helo: env.Helo, MailFrom: env.MailFrom}, raw)
	case store.SourceLMTP, store.SourceIMAP:
		if r, ok := auth.FromAuthResults(raw, a.Trusted, a.Limits); ok {
			return r
		}
	}
	return auth.Report{Source: auth.SourceNone}
}

func clientIP(remote string) net.IP {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	return net.ParseIP(host)
}

// authDetail is what the record log says about an authentication: results and domains,
// never message content.
func authDetail(r auth.Report) map[string]any {
	d := map[string]any{
		"source": r.Source, "spf": r.SPF.Result, "dkim": r.DKIM.Result, "dmarc": r.DMARC.Result,
		"verified_as": r.VerifiedAs,
	}
	if r.DKIM.Domain != "" {
		d["dkim_domain"] = r.DKIM.Domain
	}
	if r.Retry {
		d["retry"] = true
	}
	return d
}

// senderRule is what the directory says a body's statements come from; a body that
// names no domains and no addresses is not checked.
type senderRule struct {
	domains   []string
	addresses []string
}

func senderRules(sdos []directory.SDO) map[string]senderRule {
	rules := map[string]senderRule{}
	for _, s := range sdos {
		rules[directory.NameKey(s.Name)] = senderRule{domains: s.Domains, addresses: s.Addresses}
	}
	return rules
}

// authenticatedFor reports whether the message is authenticated as the body: as one of its
// domains, or as one of its addresses (From exactly that address, authenticated as the
// address's domain).
func (r senderRule) authenticatedFor(rep auth.Report, from []message.Address) bool {
	if rep.AuthenticatedAs(r.domains) {
		return true
	}
	if len(from) != 1 || rep.VerifiedAs == "" {
		return false
	}
	for _, a := range r.addresses {
		if strings.EqualFold(strings.TrimSpace(a), from[0].Address) && rep.AuthenticatedAs([]string{domainOf(a)}) {
			return true
		}
	}
	return false
}

func domainOf(addr string) string {
	_, d, _ := strings.Cut(addr, "@")
	return d
}

// authReasons says which claimed sending bodies the message is not authenticated as, and
// whether the answer may change once DNS answers again.
func (c *Classifier) authReasons(msg *message.Message, x *classify.Extraction, rep auth.Report) (reasons []string, retry bool) {
	if !x.IsLiaison {
		return nil, false
	}
	known := false
	for _, body := range x.From {
		rule, ok := c.Senders[directory.NameKey(body)]
		if !ok {
			continue
		}
		known = true
		if (len(rule.domains) > 0 || len(rule.addresses) > 0) && !rule.authenticatedFor(rep, msg.From) {
			reasons = append(reasons, ReasonNotVerified+" "+body)
		}
	}
	if !known && c.QueueUnknownSenders {
		reasons = append(reasons, ReasonUnknownSender)
	}
	return reasons, len(reasons) > 0 && rep.Retry
}
