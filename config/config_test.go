package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/liaisond/liaisond/internal/testutil"
)

func TestDefaultsAreValid(t *testing.T) {
	if err := Default().Validate(); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.SMTP.Listen != "127.0.0.1:2525" || cfg.Web.Listen != "127.0.0.1:8080" || cfg.DataDir != "./liaisond-data" {
		t.Fatalf("embedded defaults differ from docs/design.md: %+v", cfg)
	}
	if len(cfg.AcceptedRecipients()) != 0 {
		t.Fatal("defaults must accept every recipient")
	}
}

// TestExampleIsTheDefaults: the example config documents every key with its default, so
// loading it must give exactly the embedded defaults.
func TestExampleIsTheDefaults(t *testing.T) {
	path := filepath.Join("..", "deploy", "liaisond.example.toml")
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	if !reflect.DeepEqual(normalise(cfg), normalise(want)) {
		got, _ := cfg.TOML()
		exp, _ := want.TOML()
		t.Fatalf("example differs from defaults:\n--- example\n%s\n--- defaults\n%s", got, exp)
	}
}

// normalise treats nil and empty slices alike.
func normalise(c Config) Config {
	if len(c.Intake.Addresses) == 0 {
		c.Intake.Addresses = nil
	}
	return c
}

// TestExampleDocumentsEveryKey: every key the config struct has appears in the example.
func TestExampleDocumentsEveryKey(t *testing.T) {
	example, err := os.ReadFile(filepath.Join("..", "deploy", "liaisond.example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range keysOf(reflect.TypeOf(Config{}), "") {
		name := key[strings.LastIndex(key, ".")+1:]
		if !strings.Contains(string(example), name+" =") {
			t.Errorf("key %s is not documented in deploy/liaisond.example.toml", key)
		}
	}
}

func keysOf(t reflect.Type, prefix string) []string {
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("toml"), ",")[0]
		if tag == "" || tag == "-" {
			continue
		}
		ft := f.Type
		if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && ft.String() != "time.Time" {
			out = append(out, keysOf(ft, prefix+tag+".")...)
			continue
		}
		out = append(out, prefix+tag)
	}
	return out
}

func TestUnknownKeyIsAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.toml")
	os.WriteFile(path, []byte("[smtp]\nmax_mesage_bytes = 10\n"), 0o600)
	_, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), "smtp.max_mesage_bytes") {
		t.Fatalf("err = %v, want unknown key named", err)
	}
}

func TestBadValues(t *testing.T) {
	tests := map[string]string{
		"log level":      "[log]\nlevel = \"loud\"\n",
		"threshold":      "[extract]\npost_threshold = 1.5\n",
		"tls half":       "[smtp]\ntls_cert = \"a.pem\"\n",
		"workers":        "[pipeline]\nworkers = 0\n",
		"store chunk":    "[store]\nchunk_bytes = 100\n",
		"store lag":      "[store]\nindex_lag = \"0s\"\n",
		"store sync":     "[store]\nsync = \"none\"\n",
		"group address":  "[[group]]\nname = \"X\"\naddresses = [\"not-an-address\"]\n",
		"duplicate":      "[[group]]\nname = \"X\"\n[[group]]\nname = \"x\"\n",
		"exempt network": "[smtp]\nrate_limit_exempt = [\"nonsense\"]\n",
		"bad duration":   "[smtp]\nread_timeout = \"soon\"\n",
		"relay in clear": "[relay]\nhost = \"relay.example.org\"\ntls = \"none\"\n",
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.toml")
			os.WriteFile(path, []byte(body), 0o600)
			if _, err := Load(path); err == nil {
				t.Fatalf("%q accepted", body)
			}
		})
	}
}

// TestCorpusDirectory: the shared corpus's directory.toml is a valid config fragment.
func TestCorpusDirectory(t *testing.T) {
	shared := testutil.SharedDir(t)
	cfg, err := Load(filepath.Join(shared, "corpus", "directory.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Groups) < 10 || len(cfg.SDOs) < 10 || len(cfg.Intake.Addresses) != 2 {
		t.Fatalf("directory not read: %d groups, %d sdos", len(cfg.Groups), len(cfg.SDOs))
	}
	accepted := cfg.AcceptedRecipients()
	for _, want := range []string{"statements@example.org", "ccamp@example.org", "opsawg-chairs@example.org"} {
		found := false
		for _, a := range accepted {
			found = found || a == want
		}
		if !found {
			t.Errorf("%s not accepted", want)
		}
	}
}

func TestTOMLRoundTrip(t *testing.T) {
	out, err := Default().TOML()
	if err != nil {
		t.Fatal(err)
	}
	var back Config
	if _, err := toml.Decode(out, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normalise(back), normalise(Default())) {
		t.Fatal("printed settings do not read back as the same config")
	}
}

// TestRelayInClearOnLoopbackOnly: tls = "none" is accepted for a relay on this machine.
func TestRelayInClearOnLoopbackOnly(t *testing.T) {
	for _, host := range []string{"127.0.0.1", "localhost", "::1"} {
		cfg := Default()
		cfg.Relay.Host, cfg.Relay.TLS = host, RelayTLSNone
		if err := cfg.Validate(); err != nil {
			t.Errorf("%s: %v", host, err)
		}
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // parts of the warnings, in order
	}{
		{"defaults: every recipient", "", []string{"every recipient"}},
		{"central is an intake address",
			"[intake]\naddresses = [\"statements@example.org\", \"liaison-coordination@example.org\"]\n" +
				"[routing]\ncentral = \"Liaison-Coordination@example.org\"\n",
			[]string{"central Liaison-Coordination@example.org is also an [intake] address"}},
		{"central elsewhere", "[intake]\naddresses = [\"statements@example.org\"]\n[routing]\ncentral = \"iesg@example.org\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.toml")
			os.WriteFile(path, []byte(tt.body), 0o600)
			cfg, err := Load(path)
			if err != nil {
				t.Fatal(err)
			}
			got := cfg.Warnings()
			if len(got) != len(tt.want) {
				t.Fatalf("warnings %q, want %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("warning %q lacks %q", got[i], w)
				}
			}
		})
	}
}
