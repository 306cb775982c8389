package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/directory"
	"github.com/liaisond/liaisond/internal/teststore"
	"github.com/liaisond/liaisond/store"
)

// seedMail is one statement to record for a test: a MIME message with a text body, an
// optional HTML body and optional attachments, and the fields the extractor would have
// found.
type seedMail struct {
	Subject   string
	Text      string
	HTML      string
	Files     []seedFile
	State     string
	Reasons   []string
	Fields    map[string]any
	Evidence  map[string]any
	PDF       bool   // give the first attachment a PDF rendering
	Direction string // "" is incoming
}

type seedFile struct {
	Name, Type string
	Data       []byte
}

// rawMail builds the message bytes.
func (m seedMail) rawMail(n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: Rapporteur <rapporteur@itu.example>\r\nTo: statements@example.org\r\n")
	fmt.Fprintf(&b, "Subject: %s\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\nMessage-ID: <seed%d@itu.example>\r\n", m.Subject, n)
	fmt.Fprintf(&b, "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"MIX\"\r\n\r\n")
	fmt.Fprintf(&b, "--MIX\r\nContent-Type: multipart/alternative; boundary=\"ALT\"\r\n\r\n")
	fmt.Fprintf(&b, "--ALT\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", m.Text)
	if m.HTML != "" {
		fmt.Fprintf(&b, "--ALT\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s\r\n", m.HTML)
	}
	fmt.Fprintf(&b, "--ALT--\r\n")
	for _, f := range m.Files {
		fmt.Fprintf(&b, "--MIX\r\nContent-Type: %s\r\nContent-Disposition: attachment; filename=\"%s\"\r\n", f.Type, f.Name)
		fmt.Fprintf(&b, "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n", base64.StdEncoding.EncodeToString(f.Data))
	}
	fmt.Fprintf(&b, "--MIX--\r\n")
	return b.Bytes()
}

// fixture is a server over a seeded database.
type fixture struct {
	t      testing.TB
	db     *store.DB
	srv    *Server
	h      http.Handler
	seeded int
}

func testConfig() config.Config {
	cfg := config.Default()
	cfg.Web.PublicURL = "http://liaisond.test"
	cfg.Web.PageSize = 10
	cfg.Web.LoginFailuresPerUser = 3
	cfg.Web.LoginFailuresPerIP = 10
	cfg.Groups = []directory.Group{
		{Name: "CCAMP", Addresses: []string{"ccamp@example.org"}, ForwardTo: []string{"ccamp-chairs@example.org"}},
		{Name: "OPSAWG", Addresses: []string{"opsawg@example.org"}, ForwardTo: []string{"opsawg-chairs@example.org"}},
	}
	return cfg
}

func newFixture(t testing.TB, cfg config.Config) *fixture {
	t.Helper()
	return newFixtureWith(t, cfg, store.Options{})
}

// newFixtureWith is newFixture over a database opened with opts.
func newFixtureWith(t testing.TB, cfg config.Config, opts store.Options) *fixture {
	t.Helper()
	return openFixture(t, cfg, filepath.Join(t.TempDir(), "liaisond.db"), opts)
}

// openFixture is a server over the database at path (created if need be).
func openFixture(t testing.TB, cfg config.Config, path string, opts store.Options) *fixture {
	t.Helper()
	db := teststore.OpenAt(t, path, opts)
	srv := New(cfg, db, prometheus.NewRegistry(), nil, slog.New(slog.DiscardHandler))
	return &fixture{t: t, db: db, srv: srv, h: srv.Handler()}
}

// seed records a message and its statement as the pipeline would, indexes it for
// search, and returns the statement.
func (f *fixture) seed(m seedMail) store.Statement {
	f.t.Helper()
	ctx := context.Background()
	f.seeded++
	raw := m.rawMail(f.seeded)
	sum := sha256.Sum256(raw)
	res, err := f.db.Ingest(ctx, store.Envelope{Source: store.SourceFile, Rcpt: []string{"statements@example.org"}},
		store.RawMessage{R: bytes.NewReader(raw), Size: int64(len(raw)), SHA256: hex.EncodeToString(sum[:]),
			MessageID: fmt.Sprintf("<seed%d@itu.example>", f.seeded)})
	if err != nil {
		f.t.Fatal(err)
	}
	var atts []store.Attachment
	var attText []string
	for _, file := range m.Files {
		s := sha256.Sum256(file.Data)
		atts = append(atts, store.Attachment{Filename: file.Name, DeclaredType: file.Type, Size: int64(len(file.Data)),
			SHA256: hex.EncodeToString(s[:]), Text: string(file.Data), Data: file.Data, Kind: "txt"})
		attText = append(attText, string(file.Data))
	}
	if err := f.db.SaveAttachments(ctx, res.ID, atts, func(string) bool { return m.PDF }); err != nil {
		f.t.Fatal(err)
	}
	if m.PDF {
		convs, err := f.db.ClaimConversions(ctx, 10, func(int) time.Duration { return time.Minute })
		if err != nil {
			f.t.Fatal(err)
		}
		for _, c := range convs {
			if err := f.db.FinishConversion(ctx, c, []byte("%PDF-1.4 rendering of "+c.Filename), ""); err != nil {
				f.t.Fatal(err)
			}
		}
	}
	fields := map[string]any{"is_liaison": true, "from": []string{}, "from_contacts": []string{}, "to": []string{},
		"to_contacts": []string{}, "other_identifiers": []string{}, "route_to": []string{}, "misdirected": false}
	for k, v := range m.Fields {
		fields[k] = v
	}
	fj, _ := json.Marshal(fields)
	ej, _ := json.Marshal(m.Evidence)
	rec := store.StatementRecord{Message: res.ID, State: m.State, ReviewReasons: m.Reasons, IsLiaison: true,
		Confidence: 0.7, Title: str(fields["title"]), Purpose: str(fields["purpose"]), Deadline: str(fields["deadline"]),
		From: list(fields["from"]), To: list(fields["to"]), Fields: fj, Evidence: ej, Direction: m.Direction}
	id, err := f.db.SaveStatement(ctx, rec, store.Event{Type: "extracted"})
	if err != nil {
		f.t.Fatal(err)
	}
	if err := f.db.IndexStatement(ctx, id, rec.Title, m.Text, strings.Join(attText, "\n")); err != nil {
		f.t.Fatal(err)
	}
	st, err := f.db.GetStatement(ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return st
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func list(v any) []string {
	l, _ := v.([]string)
	return l
}

// standard seeds the statements most tests use: a posted one with an attachment and its
// PDF, a queued one and a rejected one, each with words found nowhere else.
func (f *fixture) standard() (posted, queued, rejected store.Statement) {
	posted = f.seed(seedMail{
		Subject: "LS on optical transport", Text: "Dear colleagues, please review the flexgrid proposal.",
		Files: []seedFile{{Name: "SG15-LS45 draft.docx", Type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			Data: []byte("The wavelength label text")}},
		PDF: true, State: store.StatementPosted,
		Fields: map[string]any{"title": "LS on optical transport", "from": []string{"ITU-T SG15"},
			"from_contacts": []string{"rapporteur@itu.example"}, "to": []string{"IETF CCAMP WG"},
			"to_contacts": []string{"ccamp-chairs@example.org"}, "send_to": "statements@example.org",
			"send_reply_to": "sg15-secretariat@itu.example", "purpose": "action", "deadline": "2026-03-31",
			"other_identifiers": []string{"SG15-LS45"}, "route_to": []string{"CCAMP"}},
	})
	queued = f.seed(seedMail{
		Subject: "Zanzibar secret LS", Text: "Body with the word zanzibar.", State: store.StatementQueued,
		Reasons: []string{"low confidence (0.62)", "no known group"},
		Files:   []seedFile{{Name: "queued-zanzibar.txt", Type: "text/plain", Data: []byte("zanzibar attachment")}},
		Fields: map[string]any{"title": "Zanzibar secret LS", "from": []string{"3GPP TSG SA WG2"},
			"to": []string{"IETF ZANZIBAR WG"}, "purpose": "information"},
		Evidence: map[string]any{"title": map[string]any{"confidence": 0.4, "source": "header Subject", "raw": "Zanzibar secret LS"}},
	})
	rejected = f.seed(seedMail{
		Subject: "Quokka spam", Text: "Buy quokka now.", State: store.StatementRejected,
		Files:  []seedFile{{Name: "quokka.txt", Type: "text/plain", Data: []byte("quokka offer")}},
		Fields: map[string]any{"title": "Quokka spam", "from": []string{"Quokka Inc"}, "to": []string{"IETF QUOKKA WG"}},
	})
	return posted, queued, rejected
}

// response is a recorded response with its body read.
type response struct {
	*http.Response
	Body string
}

// do runs one request through the handler.
func (f *fixture) do(method, target string, form url.Values, cookies ...*http.Cookie) response {
	f.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	req.RemoteAddr = "192.0.2.1:1234"
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	res := rec.Result()
	b, _ := io.ReadAll(res.Body)
	return response{Response: res, Body: string(b)}
}

func (f *fixture) get(target string, cookies ...*http.Cookie) response {
	f.t.Helper()
	return f.do(http.MethodGet, target, nil, cookies...)
}

// manager is a logged-in liaison manager.
type manager struct {
	cookie *http.Cookie
	csrf   string
}

// login creates the user (once) and logs in through the form.
func (f *fixture) login(name string) manager {
	f.t.Helper()
	if _, err := f.db.AddUser(context.Background(), name, "correct horse battery", "test"); err != nil &&
		!strings.Contains(err.Error(), "exists") {
		f.t.Fatal(err)
	}
	res := f.tryLogin(name, "correct horse battery")
	if res.StatusCode != http.StatusSeeOther {
		f.t.Fatalf("login: %d %s", res.StatusCode, res.Body)
	}
	m := manager{cookie: cookieNamed(res.Response, sessionCookie)}
	if m.cookie == nil {
		f.t.Fatal("login set no session cookie")
	}
	page := f.get("/queue", m.cookie)
	m.csrf = csrfIn(f.t, page.Body)
	return m
}

// tryLogin fetches the form and posts it.
func (f *fixture) tryLogin(name, password string) response {
	f.t.Helper()
	form := f.get("/login")
	c := cookieNamed(form.Response, loginCSRFCookie)
	if c == nil {
		f.t.Fatal("login form set no token cookie")
	}
	return f.do(http.MethodPost, "/login", url.Values{"name": {name}, "password": {password},
		"csrf": {csrfIn(f.t, form.Body)}, "next": {"/queue"}}, c)
}

func (f *fixture) post(m manager, target string, form url.Values) response {
	f.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf", m.csrf)
	return f.do(http.MethodPost, target, form, m.cookie)
}

func cookieNamed(res *http.Response, name string) *http.Cookie {
	for _, c := range res.Cookies() {
		if strings.TrimPrefix(c.Name, securePrefix) == name && c.Value != "" {
			return c
		}
	}
	return nil
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func csrfIn(t testing.TB, page string) string {
	t.Helper()
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no csrf field in page:\n%s", page)
	}
	return m[1]
}
