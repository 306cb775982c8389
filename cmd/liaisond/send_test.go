package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaisond/liaisond/internal/testutil"
	"github.com/liaisond/liaisond/store"
)

// sendDirectory is the directory of TestSendThroughCLI: CCAMP in RTG, ITU-T SG15 with a
// central Send To, MEF with contacts, a body with no address at all.
const sendDirectory = `[intake]
addresses = ["statements@example.org"]
[[group]]
name = "CCAMP"
aliases = ["IETF CCAMP WG"]
addresses = ["ccamp@example.org"]
forward_to = ["ccamp-chairs@example.org"]
area = "RTG"
chairs = ["ccamp-chair@example.org"]
list = "ccamp@example.org"
[[area]]
name = "RTG"
directors = ["rtg-ad@example.org"]
[[area]]
name = "OPS"
directors = ["ops-ad@example.org"]
[roles]
ietf_chair = "chair@example.org"
iab_chair = "iab-chair@example.org"
[[sdo]]
name = "ITU-T SG15"
liaison_manager = "itu-t-liaison@example.org"
send_to = "tsbsg15@itu.example"
[[sdo]]
name = "MEF"
contacts = ["mef-tc@mef.example"]
[[sdo]]
name = "Nowhere Forum"
`

// TestSendThroughCLI: a chair composes a For-Action reply to an incoming statement with a
// DOCX, every refusal leaves the record unchanged, the AD approves, and the running daemon
// records the mail as an outgoing statement and sends it once to ITU-T SG15's Send To
// (copies to CCAMP's chairs and list) with the header block, the DOCX and its PDF; an
// incoming reply over SMTP is linked to it.
func TestSendThroughCLI(t *testing.T) {
	dir := t.TempDir()
	relay := newTestRelay(t)
	relay.start(t)
	office := "/nonexistent/soffice"
	if path, err := exec.LookPath("soffice"); err == nil {
		office = path
	} else if testutil.InCI() {
		t.Fatal("LibreOffice (soffice) is missing; CI must provide it")
	}
	cfgPath, smtpAddr, webAddr := writeConfig(t, dir, relaySection(relay, "")+fmt.Sprintf(`[routing]
central = "liaison-coordination@example.org"
[libreoffice]
binary = %q
%s`, office, sendDirectory))

	// The incoming statement answered: posted, its Send Reply To the directory's address.
	db := openDaemonDB(t, dir)
	incoming := seedPosted(t, db, lsMail("incoming-45", "statements@example.org", "Title: LS on OTN"), "statements@example.org",
		map[string]any{"title": "LS on OTN", "from": []string{"ITU-T SG15"}, "to": []string{"IETF CCAMP WG"},
			"send_reply_to": "tsbsg15@itu.example", "purpose": "action"})
	db.Close()

	body := filepath.Join(dir, "body.txt")
	os.WriteFile(body, []byte("CCAMP thanks ITU-T SG15 for its statement and asks for its comments on the attached draft.\n"), 0o600)
	docx := filepath.Join(testutil.ModuleRoot(t), "convert", "testdata", "ls-sample.docx")
	base := []string{"send", "new", "--config", cfgPath, "--body", body, "--title", "Reply LS on OTN path computation"}
	good := append(slices.Clone(base), "--as", "ccamp-chair@example.org", "--from", "CCAMP", "--to", "ITU-T SG15",
		"--purpose", "action", "--deadline", "2099-03-31", "--attach", docx, "--in-response-to", fmt.Sprint(incoming))

	// Refused forms name their fields and record nothing.
	for _, tc := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"not a chair of the group", append(slices.Clone(base), "--as", "someone@example.org", "--from", "CCAMP", "--to", "ITU-T SG15", "--purpose", "information"), 2, "from"},
		{"action without a deadline", append(slices.Clone(base), "--as", "ccamp-chair@example.org", "--from", "CCAMP", "--to", "ITU-T SG15", "--purpose", "action"), 2, "deadline"},
		{"a body with no address", append(slices.Clone(base), "--as", "ccamp-chair@example.org", "--from", "CCAMP", "--to", "Nowhere Forum", "--purpose", "information"), 2, "to"},
		{"a body not in the directory", append(slices.Clone(base), "--as", "ccamp-chair@example.org", "--from", "CCAMP", "--to", "Mars Forum", "--purpose", "information"), 2, "to"},
		{"a cc outside the directory", append(slices.Clone(base), "--as", "ccamp-chair@example.org", "--from", "CCAMP", "--to", "MEF", "--purpose", "information", "--cc", "friend@gmail.example"), 2, "cc"},
		{"no purpose", append(slices.Clone(base), "--as", "ccamp-chair@example.org", "--from", "CCAMP", "--to", "MEF"), 2, "purpose"},
	} {
		code, _, errOut := cli(t, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.says+":") {
			t.Errorf("%s: exit %d %q, want %d naming %q", tc.name, code, errOut, tc.code, tc.says)
		}
	}

	code, out, errOut := cli(t, good...)
	if code != 0 {
		t.Fatalf("send new: %d %s", code, errOut)
	}
	id := strings.TrimSpace(out)
	if !strings.Contains(errOut, "rtg-ad@example.org") {
		t.Errorf("send new does not name the approver: %s", errOut)
	}
	for _, who := range []string{"ccamp-chair@example.org", "ops-ad@example.org", "chair@example.org"} {
		if code, _, errOut := cli(t, "send", "approve", id, "--as", who, "--config", cfgPath); code != 1 || !strings.Contains(errOut, "not allowed") {
			t.Errorf("approval by %s: exit %d %s, want 1 (not allowed)", who, code, errOut)
		}
	}
	if code, out, errOut := cli(t, "send", "approve", id, "--as", "RTG-AD@example.org", "--config", cfgPath); code != 0 || !strings.Contains(out, "approved") {
		t.Fatalf("approval by the AD: %d %s %s", code, out, errOut)
	}
	if code, _, _ := cli(t, "send", "approve", id, "--as", "rtg-ad@example.org", "--config", cfgPath); code != 1 {
		t.Errorf("a second approval was not refused")
	}

	d := startDaemon(t, cfgPath, smtpAddr, webAddr)
	relay.waitFor(t, 3, d) // To: ITU-T SG15's Send To; Cc: the chair and the list
	msgs := relay.messages()
	var rcpts []string
	for _, m := range msgs {
		rcpts = append(rcpts, m.to)
	}
	slices.Sort(rcpts)
	if want := []string{"ccamp-chair@example.org", "ccamp@example.org", "tsbsg15@itu.example"}; !slices.Equal(rcpts, want) {
		t.Fatalf("sent to %v, want %v", rcpts, want)
	}
	mail := msgs[0].data
	for _, want := range []string{"Message-Id: <liaisond.outgoing.1@example.org>", "In-Reply-To: <incoming-45@example.net>",
		"Reply-To: <itu-t-liaison@example.org>", "To: <tsbsg15@itu.example>", "LIAISON STATEMENT", "Reply LS on OTN path computation",
		"ls-sample.docx"} {
		if !bytes.Contains(mail, []byte(want)) {
			t.Errorf("the mail lacks %q:\n%.3000s", want, mail)
		}
	}
	if office != "/nonexistent/soffice" && !bytes.Contains(mail, []byte("ls-sample.pdf")) {
		t.Errorf("the mail lacks the DOCX's PDF")
	}
	for _, m := range msgs[1:] {
		if !bytes.Equal(m.data, mail) {
			t.Errorf("the copy to %s differs from the mail to %s", m.to, msgs[0].to)
		}
	}

	// An incoming reply to it, over SMTP, is linked to it.
	reply := "From: ITU-T SG15 <tsbsg15@itu.example>\r\nTo: statements@example.org\r\nSubject: Re: Reply LS on OTN path computation\r\n" +
		"Message-ID: <answer-1@itu.example>\r\nIn-Reply-To: <liaisond.outgoing.1@example.org>\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\n\r\n" +
		"LIAISON STATEMENT\r\nTitle: LS on the CCAMP draft\r\nFrom: ITU-T SG15\r\nTo: IETF CCAMP WG\r\nFor: Information\r\n\r\nOur comments.\r\n"
	if err := sendOne(smtpAddr, []byte(reply)); err != nil {
		t.Fatal(err)
	}
	db = openDaemonDB(t, dir)
	defer db.Close()
	var sent, answer store.Statement
	deadline := time.Now().Add(30 * time.Second)
	for {
		sts, err := db.Statements(context.Background(), store.StatementFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range sts {
			switch st.Title {
			case "Reply LS on OTN path computation":
				sent = st
			case "LS on the CCAMP draft":
				answer = st
			}
		}
		if answer.ID != 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if page := httpGet(t, "http://"+webAddr+fmt.Sprintf("/s/%d", sent.ID), 200).body; !strings.Contains(page, "Response received") {
		t.Errorf("the sent statement's page does not say a response was received")
	}
	// On the public record: list, page, feed, API.
	for _, path := range []string{"/", fmt.Sprintf("/s/%d", sent.ID), "/feed.atom", "/api/v1/statements?direction=outgoing",
		fmt.Sprintf("/api/v1/statements/%d", sent.ID)} {
		if page := httpGet(t, "http://"+webAddr+path, 200).body; !strings.Contains(page, "Reply LS on OTN path computation") {
			t.Errorf("%s: the sent statement is not there", path)
		}
	}
	d.stop(t)
	if sent.Direction != store.DirectionOutgoing || sent.State != store.StatementPosted || sent.RepliesTo != incoming {
		t.Errorf("the sent statement: %s %s replies to %d, want outgoing posted replying to %d", sent.Direction, sent.State, sent.RepliesTo, incoming)
	}
	if answer.RepliesTo != sent.ID {
		t.Errorf("the incoming answer replies to %d, want %d", answer.RepliesTo, sent.ID)
	}
	code, out, _ = cli(t, "list", "--config", cfgPath, "--direction", "outgoing", "--json")
	var rec struct {
		ID        int64  `json:"id"`
		Direction string `json:"direction"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rec) != nil || rec.ID != sent.ID || rec.Direction != "outgoing" {
		t.Errorf("list --direction outgoing: %d %s", code, out)
	}
}
