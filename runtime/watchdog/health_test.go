package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func newWatchdog(t *testing.T, env map[string]string) (*watchdog, *syncBuffer) {
	lg, logs := newTestLogger()
	cfg := testConfig(t, env)
	wd := &watchdog{cfg: cfg, log: lg, lockPath: filepath.Join(t.TempDir(), ".lock"),
		fn: &forkHandler{cfg: cfg, log: lg, out: io.Discard}}
	return wd, logs
}

func TestHealthFollowsLockFile(t *testing.T) {
	wd, logs := newWatchdog(t, map[string]string{"fprocess": "cat"})
	if w := do(wd, "GET", "/_/health", "", nil); w.Code != 503 {
		t.Fatalf("before lock: %d", w.Code)
	}
	if err := wd.markHealthy(); err != nil {
		t.Fatal(err)
	}
	mustContain(t, logs.String(), "Writing lock-file to: "+wd.lockPath)
	if w := do(wd, "GET", "/_/health", "", nil); w.Code != 200 || w.Body.String() != "OK" {
		t.Fatalf("healthy: %d %q", w.Code, w.Body.String())
	}
	if w := do(wd, "GET", "/_/ready", "", nil); w.Code != 200 {
		t.Fatalf("ready: %d", w.Code)
	}
	if w := do(wd, "POST", "/_/health", "", nil); w.Code != 405 {
		t.Fatalf("POST health: %d", w.Code)
	}
	os.Remove(wd.lockPath) // someone deleting the lock file makes us unhealthy
	if w := do(wd, "GET", "/_/health", "", nil); w.Code != 503 {
		t.Fatalf("lock removed: %d", w.Code)
	}
	_ = wd.markHealthy()
	wd.markUnhealthy()
	if fileExists(wd.lockPath) {
		t.Fatal("lock file left behind")
	}
	if w := do(wd, "GET", "/_/health", "", nil); w.Code != 503 {
		t.Fatalf("after markUnhealthy: %d", w.Code)
	}
}

func TestSuppressLock(t *testing.T) {
	wd, logs := newWatchdog(t, map[string]string{"fprocess": "cat", "suppress_lock": "true"})
	if err := wd.markHealthy(); err != nil {
		t.Fatal(err)
	}
	if fileExists(wd.lockPath) {
		t.Fatal("lock written despite suppress_lock")
	}
	mustContain(t, logs.String(), `"suppress_lock" is enabled`)
	// Like the classic watchdog: no lock file, no healthy answer.
	if w := do(wd, "GET", "/_/health", "", nil); w.Code != 503 {
		t.Fatalf("health: %d", w.Code)
	}
}

func TestMaxInflight(t *testing.T) {
	wd, _ := newWatchdog(t, map[string]string{"fprocess": "sleep 1", "max_inflight": "1"})
	_ = wd.markHealthy()
	first := make(chan int)
	go func() { first <- do(wd, "POST", "/", "", nil).Code }()
	waitFor(t, 2*time.Second, "first request in flight", func() bool { return wd.inflightNow() == 1 })

	w := do(wd, "POST", "/", "", nil)
	if w.Code != 429 {
		t.Fatalf("second request: %d", w.Code)
	}
	mustContain(t, w.Body.String(), "Concurrent request limit exceeded. Max concurrent requests: 1")
	if w := do(wd, "GET", "/_/ready", "", nil); w.Code != 429 {
		t.Fatalf("ready while busy: %d", w.Code)
	}
	if w := do(wd, "GET", "/_/health", "", nil); w.Code != 200 {
		t.Fatalf("health while busy: %d", w.Code)
	}
	if code := <-first; code != 200 {
		t.Fatalf("first request: %d", code)
	}
	if w := do(wd, "GET", "/_/ready", "", nil); w.Code != 200 {
		t.Fatalf("ready when idle: %d", w.Code)
	}
}

// TestServeDrainsOnSignal runs the real server: a request in flight when
// the signal arrives still completes, the lock file goes, and serve exits 0.
func TestServeDrainsOnSignal(t *testing.T) {
	wd, logs := newWatchdog(t, map[string]string{"fprocess": "sh -c 'sleep 0.5; cat'", "healthcheck_interval": "5s"})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url := "http://" + ln.Addr().String()
	stop := make(chan os.Signal, 1)
	code := make(chan int)
	go func() { code <- serve(wd, ln, stop) }()
	waitFor(t, 2*time.Second, "lock file", func() bool { return fileExists(wd.lockPath) })

	type result struct {
		status int
		body   string
		err    error
	}
	inflight := make(chan result)
	go func() {
		res, err := http.Post(url+"/", "text/plain", strings.NewReader("drained"))
		if err != nil {
			inflight <- result{err: err}
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		inflight <- result{status: res.StatusCode, body: string(b)}
	}()
	waitFor(t, 2*time.Second, "request in flight", func() bool { return wd.inflightNow() == 1 })
	stop <- syscall.SIGTERM
	waitFor(t, 2*time.Second, "lock removal", func() bool { return !fileExists(wd.lockPath) })

	r := <-inflight
	if r.err != nil || r.status != 200 || r.body != "drained" {
		t.Fatalf("in-flight request: %+v", r)
	}
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit code %d", c)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Fatal("still accepting connections")
	}
	for _, line := range []string{"Timeouts: read: 10s write: 10s hard: 0s health: 5s.", "Listening on port: 8080",
		"SIGTERM: no new connections", "Removing lock-file", "Exiting. Active connections: 0"} {
		mustContain(t, logs.String(), line)
	}
}

func TestServeDrainIsBounded(t *testing.T) {
	wd, _ := newWatchdog(t, map[string]string{"fprocess": "sleep 5", "healthcheck_interval": "300ms"})
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	stop := make(chan os.Signal, 1)
	code := make(chan int)
	go func() { code <- serve(wd, ln, stop) }()
	go func() {
		if res, err := http.Post("http://"+ln.Addr().String()+"/", "", nil); err == nil {
			res.Body.Close()
		}
	}()
	waitFor(t, 2*time.Second, "request in flight", func() bool { return wd.inflightNow() == 1 })
	start := time.Now()
	stop <- syscall.SIGTERM
	if c := <-code; c != 0 {
		t.Fatalf("exit code %d", c)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Fatalf("drain took %s", took)
	}
}

func TestRunFlagsAndBadConfig(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"-version"}, os.Getenv, &out, &errOut); code != 0 || out.String() != "Version: 0.1.0\n" {
		t.Fatalf("-version: %d %q", code, out.String())
	}
	out.Reset()
	env := map[string]string{}
	if code := run(nil, func(k string) string { return env[k] }, &out, &errOut); code != 1 {
		t.Fatalf("missing fprocess: exit %d", code)
	}
	mustContain(t, errOut.String(), "Version: 0.1.0")
	mustContain(t, errOut.String(), "fprocess")
}

func TestRunServesUntilSigterm(t *testing.T) {
	// The whole program, as main runs it, on a free port; a real SIGTERM
	// to ourselves stops it. The lock file lives in a private TMPDIR.
	t.Setenv("TMPDIR", t.TempDir())
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	env := map[string]string{"fprocess": "cat", "port": strconv.Itoa(port), "healthcheck_interval": "1s"}
	logs := &syncBuffer{}
	code := make(chan int)
	go func() { code <- run(nil, func(k string) string { return env[k] }, io.Discard, logs) }()
	url := "http://127.0.0.1:" + strconv.Itoa(port)
	waitFor(t, 3*time.Second, "health", func() bool {
		res, err := http.Get(url + "/_/health")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == 200
	})
	res, err := http.Post(url+"/", "text/plain", strings.NewReader("via run"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if string(b) != "via run" {
		t.Fatalf("body %q", b)
	}
	_ = syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case c := <-code:
		if c != 0 {
			t.Fatalf("exit %d\n%s", c, logs.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("run did not stop:\n%s", logs.String())
	}
	mustContain(t, logs.String(), "Writing lock-file to: "+filepath.Join(os.Getenv("TMPDIR"), ".lock"))
}

func TestIdleReleaseAfterRequests(t *testing.T) {
	wd, _ := newWatchdog(t, map[string]string{"fprocess": "cat"})
	released := make(chan struct{}, 4)
	wd.mem.release = func() { released <- struct{}{} }
	_ = wd.markHealthy()
	for i := 0; i < 3; i++ {
		if w := do(wd, "POST", "/", "x", nil); w.Code != 200 {
			t.Fatalf("got %d", w.Code)
		}
	}
	select {
	case <-released:
		t.Fatal("released before the idle delay")
	case <-time.After(idleRelease / 2):
	}
	select {
	case <-released:
	case <-time.After(idleRelease * 2):
		t.Fatal("memory never released after requests stopped")
	}
	select {
	case <-released:
		t.Fatal("released twice for one idle period")
	case <-time.After(200 * time.Millisecond):
	}
}
