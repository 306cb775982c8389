package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/user"
	"strings"

	"golang.org/x/term"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/store"
)

// userCommand is `liaisond user add NAME`: a liaison-manager login. The password comes
// from the terminal (asked twice), from --password-file, or from the first line of
// standard input when that is not a terminal (scripts).
//
// Its flag lives in this closure rather than in cliEnv (main.go keeps the shared
// flags); every run registers it again, which resets it.
func userCommand() command {
	var passwordFile string
	return command{
		summary: "create a liaison-manager login for the web review queue",
		usage:   "add NAME [--password-file F]",
		flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.StringVar(&passwordFile, "password-file", "", "read the password from the first line of this file")
		},
		run: func(ctx context.Context, env *cliEnv, args []string) error {
			return runUserAdd(ctx, env, args, passwordFile)
		},
	}
}

func runUserAdd(ctx context.Context, env *cliEnv, args []string, passwordFile string) error {
	if len(args) != 2 || args[0] != "add" {
		return fmt.Errorf("%w: want add NAME", errUsage)
	}
	name := args[1]
	if !store.ValidUserName(name) {
		return fmt.Errorf("%w: name %q: use 1-64 letters, digits, '.', '-', '_' or '@'", errUsage, name)
	}
	password, err := readPassword(env, passwordFile)
	if err != nil {
		return err
	}
	return withStore(ctx, env, func(_ config.Config, db *store.DB, _ *slog.Logger) error {
		if _, err := db.AddUser(ctx, name, password, cliActor()); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "user %s added\n", name)
		return nil
	})
}

// readPassword gets the password from the file, the terminal (twice) or standard input.
func readPassword(env *cliEnv, file string) (string, error) {
	if file != "" {
		f, err := os.Open(file)
		if err != nil {
			return "", err
		}
		defer f.Close()
		return firstLine(f)
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return firstLine(os.Stdin)
	}
	fmt.Fprint(env.stderr, "Password: ")
	first, err := term.ReadPassword(fd)
	fmt.Fprintln(env.stderr)
	if err != nil {
		return "", err
	}
	fmt.Fprint(env.stderr, "Password again: ")
	second, err := term.ReadPassword(fd)
	fmt.Fprintln(env.stderr)
	if err != nil {
		return "", err
	}
	if string(first) != string(second) {
		return "", errors.New("the passwords differ")
	}
	return string(first), nil
}

func firstLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password given")
	}
	return line, nil
}

// cliActor names the person at the terminal in the record log.
func cliActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username + " (cli)"
	}
	return "cli"
}
