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
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/liaisond/liaisond/config"
	"github.com/liaisond/liaisond/store"
)

// userCommand is `liaisond user add NAME`, `user passwd NAME` and `user list`: the
// liaison-manager logins. A password comes from the terminal (asked twice), from
// --password-file, or from the first line of standard input when that is not a terminal
// (scripts).
//
// Its flag lives in this closure rather than in cliEnv (main.go keeps the shared
// flags); every run registers it again, which resets it.
func userCommand() command {
	var passwordFile string
	return command{
		summary: "liaison-manager logins for the web review queue: add, passwd, list",
		usage:   "add NAME [--password-file F] | passwd NAME [--password-file F] | list [--json]",
		flags: func(e *cliEnv, fs *flag.FlagSet) {
			fs.StringVar(&passwordFile, "password-file", "", "read the password from the first line of this file")
		},
		run: func(ctx context.Context, env *cliEnv, args []string) error {
			if len(args) == 0 {
				return fmt.Errorf("%w: want add NAME, passwd NAME or list", errUsage)
			}
			switch args[0] {
			case "add", "passwd":
				return runUserPassword(ctx, env, args, passwordFile)
			case "list":
				return runUserList(ctx, env, args[1:])
			}
			return fmt.Errorf("%w: unknown user command %q: want add, passwd or list", errUsage, args[0])
		},
	}
}

// runUserPassword is `user add NAME` (a new login) and `user passwd NAME` (a new
// password for a login, which ends its sessions).
func runUserPassword(ctx context.Context, env *cliEnv, args []string, passwordFile string) error {
	if len(args) != 2 {
		return fmt.Errorf("%w: want %s NAME", errUsage, args[0])
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
		if args[0] == "passwd" {
			if err := db.SetPassword(ctx, name, password, cliActor()); err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "user %s: password changed; their sessions are ended\n", name)
			return nil
		}
		if _, err := db.AddUser(ctx, name, password, cliActor()); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "user %s added\n", name)
		return nil
	})
}

// runUserList is `user list`: the logins, by name.
func runUserList(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[0])
	}
	return withStore(ctx, env, func(_ config.Config, db *store.DB, _ *slog.Logger) error {
		users, err := db.Users(ctx)
		if err != nil {
			return err
		}
		if env.jsonOut {
			enc := jsonEncoder(env.stdout)
			for _, u := range users {
				if err := enc.Encode(map[string]any{"name": u.Name, "created_at": u.CreatedAt, "disabled": u.Disabled}); err != nil {
					return err
				}
			}
			return nil
		}
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tCREATED\tDISABLED")
		for _, u := range users {
			fmt.Fprintf(tw, "%s\t%s\t%v\n", u.Name, u.CreatedAt.Format(time.RFC3339), u.Disabled)
		}
		return tw.Flush()
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
