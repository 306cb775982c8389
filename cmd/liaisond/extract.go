package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/liaisond/liaisond/convert"
	"github.com/liaisond/liaisond/message"
	"github.com/liaisond/liaisond/pipeline"
)

// runExtract parses, converts and classifies one message without touching the database,
// and prints the extraction JSON (a contract: docs/design.md).
func runExtract(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: give one message file (or -)", errUsage)
	}
	cfg, err := env.loadConfig()
	if err != nil {
		return err
	}
	raw, err := readInput(args[0])
	if err != nil {
		return err
	}
	msg, err := message.ParseBytes(raw, cfg.Parse)
	if err != nil {
		return err
	}
	atts := pipeline.AttachmentTexts(ctx, msg, cfg.Convert)
	office := convert.NewOffice(cfg.LibreOffice, newLogger(cfg.Log, io.Discard))
	defer office.Close()
	for _, err := range pipeline.PDFTexts(ctx, office, atts, cfg.Convert) {
		fmt.Fprintf(env.stderr, "warning: %v\n", err)
	}
	x := pipeline.NewClassifier(cfg).Extract(msg, atts, env.rcpt)
	enc := jsonEncoder(env.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(x)
}

func readInput(name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(io.LimitReader(os.Stdin, 256<<20))
	}
	return os.ReadFile(name)
}
