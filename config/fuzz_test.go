package config

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzConfig feeds arbitrary files to the config reader: each is refused with an error or
// gives a config that Validate accepts and that `liaisond config show` prints in a form
// that reads back as the same config.
//
//	go test ./config -run '^$' -fuzz '^FuzzConfig$' -fuzztime 1m
func FuzzConfig(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "deploy", "liaisond.example.toml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	f.Add("[smtp]\nmax_message_bytes = -1\n")
	f.Add("[[imap]]\nhost = \"127.0.0.1\"\n[[imap]]\n")
	f.Add("[store]\ngroup_wait = \"1h\"\nchunk_bytes = 1\n")
	f.Fuzz(func(t *testing.T, data string) {
		cfg := Default()
		if cfg.decode([]byte(data)) != nil || cfg.Validate() != nil {
			return
		}
		out, err := cfg.TOML()
		if err != nil {
			t.Fatalf("an accepted config cannot be printed: %v", err)
		}
		back := Default()
		if err := back.decode([]byte(out)); err != nil {
			t.Fatalf("printed config does not read back: %v\n%s", err, out)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("printed config no longer valid: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(normalise(back), normalise(cfg)) {
			t.Fatalf("printed config reads back differently:\n%s", out)
		}
	})
}
