// Command fwatchdog is FaaS Lab's small OpenFaaS-compatible watchdog:
// classic mode forks fprocess per request, http mode keeps one fprocess
// running and reverse-proxies to it. Standard library only.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// Version of the watchdog, printed at start-up and by -version.
const Version = "0.1.0"

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

func run(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	lockPath := filepath.Join(os.TempDir(), ".lock")
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "version":
			fmt.Fprintf(stdout, "Version: %s\n", Version)
			return 0
		case "run-healthcheck": // for exec health checks: is the lock file there?
			if fileExists(lockPath) {
				return 0
			}
			fmt.Fprintln(stderr, "unable to find lock file.")
			return 1
		default:
			fmt.Fprintf(stderr, "usage: fwatchdog [-version|-run-healthcheck]\n")
			return 2
		}
	}

	lg := log.New(stderr, "", log.LstdFlags)
	lg.Printf("Version: %s", Version)
	cfg, err := readConfig(getenv)
	if err != nil {
		lg.Printf("Error: %s", err)
		return 1
	}
	if err := forbidNewPrivileges(); err != nil {
		lg.Printf("Error: cannot forbid new privileges (no_new_privs): %s", err)
		return 1
	}
	startReaper()

	wd := &watchdog{cfg: &cfg, log: lg, lockPath: lockPath}
	var stopChild func()
	if cfg.Mode == "http" {
		pm, err := newProxyMode(&cfg, lg, stdout)
		if err != nil {
			lg.Printf("Error: %s", err)
			return 1
		}
		pm.sup.start()
		wd.fn, wd.upstreamUp, stopChild = pm, pm.upstreamUp, func() { pm.sup.stop(5 * time.Second) }
	} else {
		wd.fn = &forkHandler{cfg: &cfg, log: lg, out: stdout}
	}

	ln, err := net.Listen("tcp", fmt.Sprintf(":%d", cfg.Port))
	if err != nil {
		lg.Printf("Error: %s", err)
		return 1
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	code := serve(wd, ln, sig)
	if stopChild != nil {
		stopChild()
	}
	return code
}

// serve runs the HTTP server on ln until a signal arrives on stop, then
// marks the watchdog unhealthy and drains in-flight requests for at most
// healthcheck_interval.
func serve(wd *watchdog, ln net.Listener, stop <-chan os.Signal) int {
	cfg, lg := wd.cfg, wd.log
	srv := &http.Server{
		Handler:        wd,
		ReadTimeout:    cfg.ReadTimeout,
		WriteTimeout:   cfg.WriteTimeout,
		MaxHeaderBytes: 1 << 20,
		ErrorLog:       lg,
	}
	lg.Printf("Timeouts: read: %s write: %s hard: %s health: %s.",
		cfg.ReadTimeout, cfg.WriteTimeout, cfg.ExecTimeout, cfg.HealthcheckInterval)
	if cfg.WriteTimeout > 0 && cfg.ExecTimeout > cfg.WriteTimeout {
		lg.Printf("Warning: exec_timeout (%s) is longer than write_timeout (%s): answers after write_timeout are lost.",
			cfg.ExecTimeout, cfg.WriteTimeout)
	}
	lg.Printf("Listening on port: %d", cfg.Port)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if err := wd.markHealthy(); err != nil {
		lg.Printf("Cannot write %s. To disable lock-file set env suppress_lock=true. Error: %s", wd.lockPath, err)
		_ = srv.Close()
		return 1
	}

	select {
	case err := <-served:
		lg.Printf("Error ListenAndServe: %s", err)
		wd.markUnhealthy()
		return 1
	case s := <-stop:
		name := "SIGTERM"
		if s == syscall.SIGINT {
			name = "SIGINT"
		}
		lg.Printf("%s: no new connections, draining for up to %s", name, cfg.HealthcheckInterval)
	}
	wd.markUnhealthy()
	ctx, cancel := context.WithTimeout(context.Background(), cfg.HealthcheckInterval)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		lg.Printf("Error in Shutdown: %s", err)
	}
	lg.Printf("Exiting. Active connections: %d", atomic.LoadInt64(&wd.inflight))
	return 0
}
