package convert

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// corpusLines are lines the attachments of the shared corpus must yield, by message prefix and
// attachment name: header tables keep "label<TAB>value", words split across DOCX runs or TJ
// kerning come out whole, separate PDF text objects on one baseline share a line.
var corpusLines = map[string][]string{
	"02/C4-2601422.docx": {"Title:\tLS on encrypted DNS resolver discovery for roaming UEs", "To:\tIETF DNSOP WG",
		"E-mail Address:\tjoonho.baek@example.com"},
	"03/T25-SG15-260220-TD-PLEN-1187!!MSW-E.docx": {"Deadline:\t30 September 2026", "For action to:\tIETF CCAMP WG",
		"For information to:\tIETF TEAS WG, MEF", "Question(s):\t12/15, 14/15\tMeeting, date:\tGeneva, 9-20 February 2026"},
	"04/SG13-LS087 (OPSAWG).pdf": {"Deadline:\t8 May 2026", "Title:\tLS on intent-based management interfaces for",
		"computing-aware networks", "Question(s):\t6/13\tMeeting, date:\tGeneva, 2-13 March 2026", "For action to:\tIETF OPSAWG",
		"Contact:\tHenrike Aalto\tTel: +358 40 555 0113"},
	"05/ieee8021-liaison-ietf-detnet-2601.pdf": {"Ana María Quiñones, Editor, P802.1CBgk",
		"request your review and any comments by March 31, 2026, so that they can be considered at"},
	"10/TTC-LS-2026-004_遠隔管理モデル.pdf":    {"Deadline:\t31 March 2026", "Send reply to:\tttc-access-wg@example.net"},
	"11/O-RAN.WG4.LS-2026-003.pdf":      {"Deadline:\tEnd of June 2026", "To:\tIETF TEAS WG"},
	"18/SP-260123.docx":                 {"To:\tIAB, IETF DetNet WG, IEEE 802.1 WG", "Title:\tLS on Release 20 work on deterministic and time-sensitive communication"},
	"19/SG11-LS031.docx":                {"For information to:\tIETF BMWG", "Deadline:"},
	"19/SG11-LS031.pdf":                 {"For information to:\tIETF BMWG", "Deadline:"},
	"20/SG2-LS019.rtf":                  {"Deadline:\t31.08.2026", "For action to:\tIETF DNSOP WG", "Contact:\tMireille Tchamba Cameroon E-mail: mireille.tchamba@example.com"},
	"22/LIAISE-530-NETMODonPONYANG.pdf": {"We kindly request your feedback on the questions above by 31-Jul-2026."},
}

func TestCorpusAttachments(t *testing.T) {
	seen := map[string]bool{}
	for msg, atts := range corpusAttachments(t) {
		for _, a := range atts {
			key := msg[:2] + "/" + a.name
			res, err := Text(context.Background(), a.name, a.ctype, a.data, Limits{})
			if strings.HasPrefix(a.ctype, "image/") {
				if !errors.Is(err, ErrUnsupported) {
					t.Errorf("%s: err = %v, want ErrUnsupported", key, err)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s: %v", key, err)
				continue
			}
			if want, ok := corpusLines[key]; ok {
				seen[key] = true
				wantLines(t, key, res.Text, want...)
			}
		}
	}
	for key := range corpusLines {
		if !seen[key] {
			t.Errorf("corpus attachment %s not found", key)
		}
	}
}
