package main

import (
	"context"
	"fmt"
	"os"

	"github.com/liaisond/liaisond/bench"
)

func runBench(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: unexpected %q", errUsage, args[0])
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "liaisond-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s := &bench.Suite{Exe: exe, Env: env.childEnv, Dir: dir, Quick: env.quick, Big: env.big, Out: env.stdout}
	if env.rounds > 0 {
		return s.RunRounds(ctx, env.rounds, env.conns)
	}
	if env.intake {
		if _, err := s.Run(ctx); err != nil {
			return err
		}
	} else if env.big {
		if err := s.RunBig(ctx); err != nil {
			return err
		}
	}
	if env.pipeline {
		fmt.Fprintln(env.stdout)
		if _, err = s.RunPipeline(ctx); err != nil {
			return err
		}
	}
	if env.walBurst > 0 {
		fmt.Fprintln(env.stdout)
		_, err = s.RunWALBurst(ctx, env.walBurst)
	}
	return err
}

func runBenchSink(ctx context.Context, env *cliEnv, args []string) error {
	sink, err := bench.StartSink(env.listen, 64<<20, env.syncTo)
	if err != nil {
		return err
	}
	defer sink.Close()
	<-ctx.Done()
	return nil
}
