package main

import (
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"sync/atomic"
)

// watchdog routes /_/health and /_/ready itself and every other path to
// the function (fork or proxy), enforcing max_inflight on the way.
type watchdog struct {
	cfg        *Config
	log        *log.Logger
	lockPath   string
	fn         http.Handler
	upstreamUp func() bool // http mode: does the upstream accept connections?
	accepting  int32
	inflight   int64
	mem        idleReleaser
}

func (wd *watchdog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/_/health":
		wd.health(w, r, false)
		return
	case "/_/ready":
		wd.health(w, r, true)
		return
	}
	n := atomic.AddInt64(&wd.inflight, 1)
	if n == 1 {
		wd.mem.busy()
	}
	defer func() {
		if atomic.AddInt64(&wd.inflight, -1) == 0 {
			wd.mem.idle()
		}
	}()
	if max := wd.cfg.MaxInflight; max > 0 && n > int64(max) {
		http.Error(w, fmt.Sprintf("Concurrent request limit exceeded. Max concurrent requests: %d", max),
			http.StatusTooManyRequests)
		return
	}
	wd.fn.ServeHTTP(w, r)
}

func (wd *watchdog) health(w http.ResponseWriter, r *http.Request, ready bool) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	if atomic.LoadInt32(&wd.accepting) == 0 || !fileExists(wd.lockPath) ||
		(wd.upstreamUp != nil && !wd.upstreamUp()) {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	if max := wd.cfg.MaxInflight; ready && max > 0 && atomic.LoadInt64(&wd.inflight) >= int64(max) {
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, "OK")
}

// markHealthy writes the lock file (unless suppress_lock) and starts
// reporting healthy.
func (wd *watchdog) markHealthy() error {
	if wd.cfg.SuppressLock {
		wd.log.Println(`Warning: "suppress_lock" is enabled. No automated health-checks will be in place for your function.`)
	} else {
		wd.log.Printf("Writing lock-file to: %s", wd.lockPath)
		if err := os.WriteFile(wd.lockPath, nil, 0o660); err != nil {
			return err
		}
	}
	atomic.StoreInt32(&wd.accepting, 1)
	return nil
}

func (wd *watchdog) markUnhealthy() {
	atomic.StoreInt32(&wd.accepting, 0)
	if wd.cfg.SuppressLock {
		return
	}
	wd.log.Printf("Removing lock-file : %s", wd.lockPath)
	if err := os.Remove(wd.lockPath); err != nil && !os.IsNotExist(err) {
		wd.log.Printf("Unable to remove lock-file: %s", err)
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
