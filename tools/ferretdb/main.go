// Command ferretdb runs FerretDB 1.24.2 embedded, with the SQLite backend, for the
// app's embedded default database and for the test suite.
//
// Why a wrapper instead of `go install .../cmd/ferretdb`: that binary panics at start-up
// because build/version/version.txt is not in the module zip (FerretDB issue #2982).
// Embedding the package makes this module the main one, so the version check is skipped.
//
// It prints exactly one line "READY <mongodb-uri>" on stdout once it listens, and it stops
// when it gets SIGINT/SIGTERM or when its stdin closes, so a parent that dies without
// cleaning up never leaves an orphan server behind.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on (port 0 picks a free one)")
	dir := flag.String("sqlite-dir", "", "existing directory for the SQLite files (required)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	watchStdin := flag.Bool("watch-stdin", true, "stop when stdin reaches EOF")
	flag.Parse()

	if *dir == "" {
		fail("-sqlite-dir is required")
	}
	abs, err := filepath.Abs(*dir)
	if err != nil {
		fail(err.Error())
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		fail(err.Error())
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad -log-level: " + err.Error())
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
		Logger:    logger,
	})
	if err != nil {
		fail(err.Error())
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	// MongoDBURI blocks until the listener is bound.
	fmt.Printf("READY %s\n", f.MongoDBURI())

	<-done
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "ferretdb:", msg)
	os.Exit(2)
}
