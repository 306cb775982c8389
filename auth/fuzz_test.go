package auth

import (
	"strings"
	"testing"
)

// FuzzAuthResults reads any header section as a trusted server's results: never a panic,
// and a verified domain is always the message's own From domain.
func FuzzAuthResults(f *testing.F) {
	f.Add([]byte("Authentication-Results: mx.ietf.example; dkim=pass header.d=itu.example; dmarc=pass header.from=itu.example\r\nFrom: a@itu.example\r\n\r\nbody"))
	f.Add([]byte("Authentication-Results: mx.ietf.example;\r\n\tspf=pass smtp.mailfrom=itu.example\r\nFrom: a@itu.example\r\n\r\n"))
	f.Add([]byte("Authentication-Results: mx.ietf.example; none\r\n\r\n"))
	f.Add([]byte("Authentication-Results: mx.ietf.example 1; dkim=pass (good) header.d=\"itu.example\"\n\n"))
	f.Add([]byte("Authentication-Results: ;=;;\r\nFrom: \r\n\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, ok := FromAuthResults(raw, []string{"mx.ietf.example"}, Limits{MaxHeaderBytes: 64 << 10})
		if !ok {
			return
		}
		if r.VerifiedAs != "" && r.VerifiedAs != r.FromDomain {
			t.Fatalf("verified as %q but the From domain is %q", r.VerifiedAs, r.FromDomain)
		}
		if r.VerifiedAs != "" && r.Retry {
			t.Fatal("verified and to be retried")
		}
	})
}

// FuzzSignatureFields reads any header section for From and DKIM-Signature tags: never a
// panic, never a field name with white space, never a tag name that is empty.
func FuzzSignatureFields(f *testing.F) {
	f.Add([]byte("DKIM-Signature: v=1; a=ed25519-sha256; d=x.example;\r\n s=brisbane; h=from; bh=AA==; b=AA==\r\nFrom: a@x.example\r\n\r\n"))
	f.Add([]byte("DKIM-Signature: ;;==;s\r\n\r\n"))
	f.Add([]byte(" folded first\r\nFrom:\r\n\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		fields := headerFields(raw, 64<<10)
		for _, fl := range fields {
			if fl.name == "" || strings.ContainsAny(fl.name, " \t\r\n") {
				t.Fatalf("field name %q", fl.name)
			}
			if fl.is("DKIM-Signature") {
				for name := range signatureTags(fl.value) {
					if name == "" {
						t.Fatal("empty tag name")
					}
				}
			}
		}
		if d := fromDomain(fields); d != strings.ToLower(d) {
			t.Fatalf("From domain %q not lower case", d)
		}
	})
}
