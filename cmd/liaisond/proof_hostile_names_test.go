package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/liaisond/liaisond/internal/hostile"
	"github.com/liaisond/liaisond/store"
)

// quotedPart gives the name as senders most often do: a quoted filename parameter (or,
// with param "name", only the Content-Type's name), which may hold an encoded word.
func quotedPart(param, name string, data []byte) string {
	disp := "Content-Disposition: attachment; filename=\"" + name + "\"\r\n"
	ctype := "Content-Type: application/octet-stream\r\n"
	if param == "name" {
		disp, ctype = "", "Content-Type: application/octet-stream; name=\""+name+"\"\r\n"
	}
	return "--mix\r\n" + ctype + disp + "Content-Transfer-Encoding: base64\r\n\r\n" +
		hostile.Wrap76(base64.StdEncoding.EncodeToString(data)) + "\r\n"
}

// traversalName is one attachment name of the traversal proof and how it is sent.
type traversalName struct {
	how  string // "rfc2231", "filename" or "name"
	name string
}

// traversalNames try to leave the data folder (relative, Windows, absolute, encoded), to
// hide their extension, to break the header or the download link, or to be huge. The
// relative ones aim at dir (the test's folder, parent of data/) and the folders above it,
// which the test owns too, so that a file written there would be found.
func traversalNames(dir string) []traversalName {
	return []traversalName{
		{"filename", "../proof-escape-1.txt"},
		{"filename", "../../proof-escape-2.txt"},
		{"name", "../../../proof-escape-3.txt"},
		{"filename", `..\..\proof-escape-4.txt`},
		{"filename", `C:\Windows\System32\proof-escape-5.dll`},
		{"rfc2231", filepath.Join(dir, "proof-escape-6.txt")},
		{"rfc2231", "data/../../proof-escape-7.txt"},
		{"filename", "=?utf-8?b?" + base64.StdEncoding.EncodeToString([]byte("../../proof-escape-8.txt")) + "?="},
		{"rfc2231", "proof-escape\x00-9.txt.exe"},
		{"rfc2231", "proof-escape-10.txt\r\nContent-Type: text/html\r\n\r\n<script>alert(1)</script>"},
		{"rfc2231", "invoice-proof-escape-11\u202etxt.exe"},
		{"rfc2231", strings.Repeat("L", 5000) + ".pdf"},
		{"rfc2231", ".."},
		{"rfc2231", "..."},
		{"rfc2231", "./.hidden-proof-escape-12"},
		{"rfc2231", "a?b#c%2e%2e%2fproof-escape-13.txt"},
		{"rfc2231", `q"uote;semi=colon proof-escape-14.txt`},
		{"rfc2231", `C:\Users\x\proof-escape-15.txt`},
		{"rfc2231", "Réponse – final proof 16.docx"},
	}
}

// TestProofHostileFilenames sends a statement whose attachments carry hostile names:
// nothing is written outside the data folder; the stored names are plain, short, safe
// names; the public page shows those; each download serves its own bytes with a
// Content-Disposition naming the stored name.
func TestProofHostileFilenames(t *testing.T) {
	start := time.Now()
	dir := t.TempDir()
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, hostileConfig)
	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	names := traversalNames(dir)
	m := proofMail{id: "traversal-names", text: "The attached files have hostile names.\r\n"}
	datas := map[string][]byte{} // by SHA-256
	for i, n := range names {
		data := fmt.Appendf(nil, "attachment %d of the traversal proof\n", i) // not the name: the page shows no text of it
		datas[sha256Hex(data)] = data
		if n.how == "rfc2231" {
			m.parts = append(m.parts, rfc2231Part(n.name, data))
		} else {
			m.parts = append(m.parts, quotedPart(n.how, n.name, data))
		}
	}
	if err := sendOne(smtpAddr, m.bytes()); err != nil {
		t.Fatal(err)
	}
	db := openDaemonDB(t, dir)
	defer db.Close()
	st := waitForStatements(t, db, 1, d)[0]
	approveIfNeeded(t, cfgPath, st)
	atts, err := db.Attachments(context.Background(), st.Message)
	if err != nil {
		t.Fatal(err)
	}
	unsafe := 0
	for _, a := range atts {
		if why := unsafeName(a.Filename); why != "" {
			unsafe++
			t.Errorf("stored name %q: %s", a.Filename, why)
		}
	}
	if len(atts) != len(names) {
		t.Errorf("%d attachments recorded, want %d", len(atts), len(names))
	}
	escaped := filesOutside(t, filepath.Dir(dir), filepath.Join(dir, "data"), cfgPath)
	page, downloads := checkDownloads(t, d, st.ID, atts, datas)
	shown := checkShownNames(t, page, atts, names)
	d.mustBeUp(t)
	t.Logf("PROOF hostile: file names: %d hostile names sent, %d attachments recorded, %d unsafe stored names, %d files outside the data folder, "+
		"%d names shown as stored, %d downloads byte-exact with a safe Content-Disposition, daemon restarts 0, %s",
		len(names), len(atts), unsafe, escaped, shown, downloads, time.Since(start).Round(time.Millisecond))
	for _, a := range atts {
		t.Logf("stored as %q", a.Filename)
	}
}

// unsafeName says what is wrong with a stored file name, or "".
func unsafeName(name string) string {
	switch {
	case name == "":
		return "empty"
	case !utf8.ValidString(name):
		return "not UTF-8"
	case len(name) > 200:
		return "longer than 200 bytes"
	case strings.ContainsAny(name, `/\`):
		return "holds a path separator"
	case strings.HasPrefix(name, "."):
		return "starts with a dot"
	case strings.ContainsFunc(name, func(r rune) bool {
		return unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
	}):
		return "holds a control or bidi character"
	}
	return ""
}

// filesOutside walks root (the test's temporary folders) and counts the files that are
// neither the config nor inside the data folder, and any file whose name says it escaped.
func filesOutside(t *testing.T, root, data, cfgPath string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(root, func(path string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		inData := path == data || strings.HasPrefix(path, data+string(filepath.Separator))
		switch {
		case strings.Contains(e.Name(), "proof-escape"):
			n++
			t.Errorf("a file named after an attachment: %s", path)
		case !e.IsDir() && !inData && path != cfgPath:
			n++
			t.Errorf("a file outside the data folder: %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// checkDownloads fetches the public statement page and every attachment link on it: each
// serves the bytes its hash names, as an attachment download named by the stored name. It
// returns the page and the number of good downloads.
func checkDownloads(t *testing.T, d *daemonProc, id int64, atts []store.Attachment, datas map[string][]byte) (string, int) {
	t.Helper()
	page := httpGet(t, fmt.Sprintf("http://%s/s/%d", d.web, id), http.StatusOK).body
	links := regexp.MustCompile(`href="(/s/\d+/a/([0-9a-f]{64})/[^"]*)"`).FindAllStringSubmatch(page, -1)
	if len(links) != len(atts) {
		t.Errorf("%d download links on the page, %d attachments", len(links), len(atts))
	}
	good := 0
	for _, l := range links {
		res := httpGet(t, "http://"+d.web+html.UnescapeString(l[1]), http.StatusOK)
		i := slices.IndexFunc(atts, func(a store.Attachment) bool { return a.SHA256 == l[2] })
		disp, params, err := mime.ParseMediaType(res.header.Get("Content-Disposition"))
		switch {
		case i < 0 || !bytes.Equal([]byte(res.body), datas[l[2]]):
			t.Errorf("%s: not the bytes of that attachment", l[1])
		case err != nil || disp != "attachment" || params["filename"] != atts[i].Filename:
			t.Errorf("%s: Content-Disposition %q, want an attachment named %q", l[1], res.header.Get("Content-Disposition"), atts[i].Filename)
		case !strings.Contains(res.header.Get("Content-Security-Policy"), "sandbox") || res.header.Get("X-Content-Type-Options") != "nosniff":
			t.Errorf("%s: served without sandbox CSP and nosniff: %v", l[1], res.header)
		default:
			good++
		}
	}
	// The name in the link is not a path: a changed one serves the same file, named as stored.
	if len(atts) > 0 {
		res := httpGet(t, fmt.Sprintf("http://%s/s/%d/a/%s/..%%2F..%%2F..%%2Fetc%%2Fpasswd", d.web, id, atts[0].SHA256), http.StatusOK)
		if _, params, _ := mime.ParseMediaType(res.header.Get("Content-Disposition")); params["filename"] != atts[0].Filename {
			t.Errorf("a changed name in the link is served as %q", res.header.Get("Content-Disposition"))
		}
	}
	if res := httpGet(t, "http://"+d.web+"/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd", 0); strings.Contains(res.body, "root:") {
		t.Error("/static serves files outside its folder")
	}
	return page, good
}

// checkShownNames checks that the page shows every stored name and none of the hostile
// names that hold a path; it returns how many stored names it shows.
func checkShownNames(t *testing.T, page string, atts []store.Attachment, names []traversalName) int {
	t.Helper()
	shown := 0
	for _, a := range atts {
		if strings.Contains(page, html.EscapeString(a.Filename)) {
			shown++
		} else {
			t.Errorf("stored name %q not on the page", a.Filename)
		}
	}
	for _, n := range names {
		if strings.ContainsAny(n.name, `/\`) && strings.Contains(page, html.EscapeString(n.name)) {
			t.Errorf("the page shows the name as sent: %q", n.name)
		}
	}
	return shown
}

// httpResult is a fetched page.
type httpResult struct {
	header http.Header
	body   string
}

// httpGet fetches url and checks its status (0: any).
func httpGet(t *testing.T, url string, status int) httpResult {
	t.Helper()
	c := http.Client{Timeout: 10 * time.Second}
	res, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 16<<20))
	if err != nil {
		t.Fatal(err)
	}
	if status != 0 && res.StatusCode != status {
		t.Fatalf("GET %s: %d, want %d", url, res.StatusCode, status)
	}
	return httpResult{header: res.Header, body: string(body)}
}
