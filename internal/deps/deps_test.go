package deps

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/liaisond/liaisond/"

// Dependencies no reader of messages may pull in: the database, the mail servers and
// clients, the configuration file.
var (
	sqlite = "modernc.org/sqlite"
	smtp   = "github.com/emersion/go-smtp"
	imap   = "github.com/emersion/go-imap"
	store  = module + "store"
	mail   = module + "mail"
	config = module + "config"
)

// TestLayers: the parsed message, extraction, the directory and the review actions import
// no server code, and only review (the queue over the store) touches the database. Read
// with `go list -deps`, so a new import anywhere below these packages is caught.
func TestLayers(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	tests := []struct {
		pkg    string
		banned []string
	}{
		{"message", []string{sqlite, smtp, imap, store, mail, config}},
		{"classify", []string{sqlite, smtp, imap, store, mail, config}},
		{"directory", []string{sqlite, smtp, imap, store, mail, config}},
		{"convert", []string{sqlite, smtp, imap, store, mail, config}},
		{"review", []string{smtp, imap, mail, config}},
	}
	for _, tt := range tests {
		t.Run(tt.pkg, func(t *testing.T) {
			out, err := exec.Command(goBin, "list", "-deps", module+tt.pkg).Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", tt.pkg, err)
			}
			for _, dep := range strings.Fields(string(out)) {
				for _, b := range tt.banned {
					if dep == b || strings.HasPrefix(dep, b+"/") {
						t.Errorf("%s depends on %s", tt.pkg, dep)
					}
				}
			}
		})
	}
}
