package bench

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"html"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

// PipelineScenario is a burst of statements sent to a fresh daemon, timed until the
// daemon has processed all of them.
type PipelineScenario struct {
	Name       string
	Statements int
	DOCX       bool // each statement is a DOCX attachment (else in the mail body)
	// Office: LibreOffice converts every DOCX to PDF, and the run ends when all are
	// converted. Without it the daemon runs with no converter installed.
	Office bool
}

// PipelineRow is a measured PipelineScenario.
type PipelineRow struct {
	PipelineScenario
	Intake    time.Duration // to send the burst (every message got its 250)
	Drain     time.Duration // from the first message to the last one processed
	PerMinute float64       // statements processed per minute over Drain
	Counts    map[string]float64
	PeakRSS   int64
}

// PipelineScenarios returns the standard rows; quick divides the counts.
func PipelineScenarios(quick bool) []PipelineScenario {
	rows := []PipelineScenario{
		{"statement in the mail body", 1000, false, false},
		{"statement in a DOCX, no LibreOffice", 1000, true, false},
		{"statement in a DOCX, converted to PDF", 1000, true, true},
	}
	if quick {
		for i := range rows {
			rows[i].Statements /= 20
		}
	}
	return rows
}

// RunPipeline measures every pipeline scenario and prints a Markdown table.
func (s *Suite) RunPipeline(ctx context.Context) ([]PipelineRow, error) {
	var rows []PipelineRow
	for i, sc := range PipelineScenarios(s.Quick) {
		if sc.Office {
			if _, err := exec.LookPath("soffice"); err != nil {
				fmt.Fprintf(s.Out, "(skipping %q: LibreOffice's soffice is not installed)\n", sc.Name)
				continue
			}
		}
		row, err := s.runPipelineScenario(ctx, fmt.Sprintf("pipeline%d", i), sc)
		if err != nil {
			return rows, fmt.Errorf("%s: %w", sc.Name, err)
		}
		rows = append(rows, row)
	}
	fmt.Fprintf(s.Out, "| burst | statements | intake | drained after | statements/min | posted | queued | PDFs | failed jobs | peak RSS |\n")
	fmt.Fprintf(s.Out, "|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(s.Out, "| %s | %d | %.1f s | %.1f s | %.0f | %.0f | %.0f | %.0f | %.0f | %s |\n", r.Name, r.Statements,
			r.Intake.Seconds(), r.Drain.Seconds(), r.PerMinute,
			r.Counts[`liaisond_statements_total{state="posted"}`], r.Counts[`liaisond_statements_total{state="queued"}`],
			r.Counts[`liaisond_conversions_total{outcome="done"}`], r.Counts[`liaisond_jobs_total{outcome="failed"}`], mb(r.PeakRSS))
	}
	return rows, nil
}

func (s *Suite) runPipelineScenario(ctx context.Context, name string, sc PipelineScenario) (PipelineRow, error) {
	row := PipelineRow{PipelineScenario: sc}
	extra := pipelineDirectory
	if !sc.Office {
		extra += "[libreoffice]\nbinary = \"/nonexistent/soffice\"\n"
	}
	daemon, smtpAddr, webAddr, err := s.startDaemon(ctx, name, extra, true)
	if err != nil {
		return row, err
	}
	defer stopChild(daemon)
	start := time.Now()
	load := Load{Addr: smtpAddr, Conns: 16, Messages: sc.Statements, Timeout: 10 * time.Minute,
		Build: func(n int) []byte { return Statement(name, n, sc.DOCX) }}
	if res := Run(ctx, name, load); res.Sent != sc.Statements {
		return row, fmt.Errorf("%d of %d sent (%s)", res.Sent, sc.Statements, res.FirstErr)
	}
	row.Intake = time.Since(start)
	done := func(c map[string]float64) bool {
		processed := c[`liaisond_jobs_total{outcome="done"}`] + c[`liaisond_jobs_total{outcome="failed"}`]
		converted := c[`liaisond_conversions_total{outcome="done"}`] + c[`liaisond_conversions_total{outcome="failed"}`]
		return int(processed) >= sc.Statements && (!sc.Office || int(converted) >= sc.Statements)
	}
	if row.Counts, err = waitMetrics(ctx, webAddr, 60*time.Minute, done); err != nil {
		return row, err
	}
	row.Drain = time.Since(start)
	row.PerMinute = float64(sc.Statements) / row.Drain.Minutes()
	row.PeakRSS, _ = PeakRSS(daemon.Process.Pid)
	return row, nil
}

// pipelineDirectory makes the bench statements routable, so that confident ones are
// posted rather than queued for a manager (forwards wait in the outbox: no relay).
const pipelineDirectory = `[intake]
addresses = ["statements@example.org"]
[[group]]
name = "CCAMP"
aliases = ["IETF CCAMP WG", "IETF CCAMP Working Group", "Common Control and Measurement Plane"]
addresses = ["ccamp@example.org"]
forward_to = ["ccamp-chairs@example.org"]
[[sdo]]
name = "ITU-T SG15"
aliases = ["ITU-T Study Group 15", "SG15"]
liaison_manager = "itu-t-liaison@example.org"
`

// waitMetrics polls the daemon's /metrics until done says so, within limit.
func waitMetrics(ctx context.Context, webAddr string, limit time.Duration, done func(map[string]float64) bool) (map[string]float64, error) {
	deadline := time.Now().Add(limit)
	for {
		c, err := scrape(ctx, "http://"+webAddr+"/metrics")
		if err == nil && done(c) {
			return c, nil
		}
		if time.Now().After(deadline) {
			return c, fmt.Errorf("not processed within %s (last error %v, counters %v)", limit, err, c)
		}
		select {
		case <-ctx.Done():
			return c, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// scrape reads the liaisond_ samples of a Prometheus text page, keyed by name{labels}.
func scrape(ctx context.Context, url string) (map[string]float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "liaisond_") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	return out, sc.Err()
}

// Statement builds liaison statement n of a burst: an ITU-T style statement in the mail
// body, or a short cover mail with the statement in a DOCX attachment (distinct for every
// n, so that no conversion is shared).
func Statement(tag string, n int, docx bool) []byte {
	lines := statementLines(tag, n)
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: SG15 Secretariat <tsbsg15@example.int>\r\nTo: statements@example.org\r\n")
	fmt.Fprintf(&b, "Subject: LS on transport network load %s %d\r\nMessage-ID: <%s-%d@bench.example.int>\r\n", tag, n, tag, n)
	fmt.Fprintf(&b, "Date: Fri, 27 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n")
	if !docx {
		fmt.Fprintf(&b, "Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", strings.Join(lines, "\r\n"))
		return b.Bytes()
	}
	const boundary = "bench-boundary-7d1f"
	fmt.Fprintf(&b, "Content-Type: multipart/mixed; boundary=%q\r\n\r\n", boundary)
	fmt.Fprintf(&b, "--%s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n", boundary)
	fmt.Fprintf(&b, "Dear colleagues,\r\n\r\nPlease find attached a liaison statement from ITU-T SG15.\r\n\r\n")
	fmt.Fprintf(&b, "--%s\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n", boundary)
	fmt.Fprintf(&b, "Content-Disposition: attachment; filename=\"SG15-LS-%d.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n", n)
	enc := base64.StdEncoding.EncodeToString(docxOf(lines))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	fmt.Fprintf(&b, "%s\r\n--%s--\r\n", enc, boundary)
	return b.Bytes()
}

func statementLines(tag string, n int) []string {
	return []string{
		"INTERNATIONAL TELECOMMUNICATION UNION", "TELECOMMUNICATION STANDARDIZATION SECTOR",
		"STUDY GROUP 15", "", "LIAISON STATEMENT", "",
		"Source: ITU-T Study Group 15",
		fmt.Sprintf("Title: LS on transport network load %s %d", tag, n),
		"For: Action", "To: IETF CCAMP Working Group",
		"Approval: Agreed at the SG15 meeting", "Deadline: 15 March 2027",
		"Contact: Jane Rapporteur, Q12/15 <jane.rapporteur@example.int>", "",
		"Study Group 15 thanks the IETF for its work and informs it of the progress on the",
		"transport network architecture, in particular on the management of optical",
		"transport networks and the data models that describe them.",
	}
}

// docxOf builds a minimal WordprocessingML document with one paragraph per line.
func docxOf(lines []string) []byte {
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, l := range lines {
		fmt.Fprintf(&doc, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, html.EscapeString(l))
	}
	doc.WriteString(`</w:body></w:document>`)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
			`</Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
			`</Relationships>`},
		{"word/document.xml", doc.String()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, _ := zw.Create(p.name) // writes to memory cannot fail
		w.Write([]byte(p.body))
	}
	zw.Close()
	return buf.Bytes()
}
