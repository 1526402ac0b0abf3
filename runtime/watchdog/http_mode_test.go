package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestMain doubles as the upstream function server for http mode: when
// FAASLAB_TEST_UPSTREAM is set, the test binary is that server.
func TestMain(m *testing.M) {
	if addr := os.Getenv("FAASLAB_TEST_UPSTREAM"); addr != "" {
		upstreamMain(addr)
		return
	}
	os.Exit(m.Run())
}

func upstreamMain(addr string) {
	time.Sleep(300 * time.Millisecond) // a slow start, like a real runtime
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("upstream listening on", addr)
	fmt.Fprintln(os.Stderr, "upstream stderr line")
	_ = http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/exit":
			_, _ = io.WriteString(w, "bye")
			go func() { time.Sleep(50 * time.Millisecond); os.Exit(7) }()
			return
		case "/slow":
			time.Sleep(3 * time.Second)
		}
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Upstream", "yes")
		w.WriteHeader(http.StatusCreated)
		fmt.Fprintf(w, "%s %s %s %s", r.Method, r.URL.RequestURI(), r.Header.Get("X-Test"), body)
	}))
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startHTTPMode runs a watchdog in http mode whose fprocess is this test
// binary acting as the upstream; it returns the watchdog's URL.
func startHTTPMode(t *testing.T, extra map[string]string) (string, *proxyMode, *syncBuffer) {
	port := strconv.Itoa(freePort(t))
	t.Setenv("FAASLAB_TEST_UPSTREAM", "127.0.0.1:"+port)
	env := map[string]string{"mode": "http", "fprocess": "'" + os.Args[0] + "'",
		"upstream_url": "http://127.0.0.1:" + port}
	for k, v := range extra {
		env[k] = v
	}
	wd, logs := newWatchdog(t, env)
	pm, err := newProxyMode(wd.cfg, wd.log, logs)
	if err != nil {
		t.Fatal(err)
	}
	wd.fn, wd.upstreamUp = pm, pm.upstreamUp
	pm.sup.start()
	t.Cleanup(func() { pm.sup.stop(2 * time.Second) })
	if err := wd.markHealthy(); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(wd)
	t.Cleanup(srv.Close)
	return srv.URL, pm, logs
}

func call(t *testing.T, method, url, body string, hdr map[string]string) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

func TestHTTPModeProxiesEverything(t *testing.T) {
	url, _, logs := startHTTPMode(t, nil)
	// The first request arrives before the upstream listens: it must wait.
	code, body, hdr := call(t, "POST", url+"/a/b?x=1&y=2", "payload", map[string]string{"X-Test": "hdr"})
	if code != 201 || body != "POST /a/b?x=1&y=2 hdr payload" || hdr.Get("X-Upstream") != "yes" {
		t.Fatalf("got %d %q %v", code, body, hdr)
	}
	for _, m := range []string{"GET", "PUT", "DELETE", "OPTIONS", "PATCH"} {
		if code, body, _ := call(t, m, url+"/", "", nil); code != 201 || !strings.HasPrefix(body, m+" / ") {
			t.Fatalf("%s: %d %q", m, code, body)
		}
	}
	if code, body, _ := call(t, "GET", url+"/_/health", "", nil); code != 200 || body != "OK" {
		t.Fatalf("health: %d %q", code, body)
	}
	waitFor(t, 2*time.Second, "upstream logs", func() bool {
		return strings.Contains(logs.String(), "stderr: upstream stderr line")
	})
	mustContain(t, logs.String(), "stdout: upstream listening on")
	mustContain(t, logs.String(), "Forking - "+os.Args[0])
	mustContain(t, logs.String(), "POST /a/b?x=1&y=2 - 201 Created")
}

func TestHTTPModeRestartsFprocess(t *testing.T) {
	url, _, logs := startHTTPMode(t, nil)
	if code, body, _ := call(t, "GET", url+"/exit", "", nil); code != 200 || body != "bye" {
		t.Fatalf("exit: %d %q", code, body)
	}
	waitFor(t, 3*time.Second, "restart log", func() bool {
		return strings.Contains(logs.String(), "Forked function has terminated: exit status 7")
	})
	if code, body, _ := call(t, "POST", url+"/again", "x", nil); code != 201 || body != "POST /again  x" {
		t.Fatalf("after restart: %d %q\n%s", code, body, logs.String())
	}
}

func TestHTTPModeExecTimeout(t *testing.T) {
	url, _, _ := startHTTPMode(t, map[string]string{"exec_timeout": "1s"})
	start := time.Now()
	code, body, _ := call(t, "GET", url+"/slow", "", nil)
	if code != http.StatusGatewayTimeout || !strings.Contains(body, "Gateway Timeout") {
		t.Fatalf("got %d %q", code, body)
	}
	if took := time.Since(start); took > 2500*time.Millisecond {
		t.Fatalf("took %s", took)
	}
}

func TestHTTPModeUnreachableUpstream(t *testing.T) {
	port := strconv.Itoa(freePort(t)) // nothing will listen here
	wd, logs := newWatchdog(t, map[string]string{"mode": "http", "fprocess": "sleep 30",
		"upstream_url": "http://127.0.0.1:" + port, "write_timeout": "1s"})
	pm, err := newProxyMode(wd.cfg, wd.log, logs)
	if err != nil {
		t.Fatal(err)
	}
	wd.fn, wd.upstreamUp = pm, pm.upstreamUp
	pm.sup.start()
	defer pm.sup.stop(time.Second)
	_ = wd.markHealthy()

	start := time.Now()
	w := do(wd, "POST", "/", "x", nil)
	if w.Code != http.StatusBadGateway || !strings.Contains(w.Body.String(), "Bad Gateway: cannot reach the function at http://127.0.0.1:"+port) {
		t.Fatalf("got %d %q", w.Code, w.Body.String())
	}
	if took := time.Since(start); took < 400*time.Millisecond || took > 2*time.Second {
		t.Fatalf("waited %s, want about write_timeout/2", took)
	}
	if w := do(wd, "GET", "/_/health", "", nil); w.Code != 503 {
		t.Fatalf("health with upstream down: %d", w.Code)
	}
}

func TestHTTPModeStopKillsFprocess(t *testing.T) {
	url, pm, _ := startHTTPMode(t, nil)
	if code, _, _ := call(t, "GET", url+"/", "", nil); code != 201 {
		t.Fatalf("got %d", code)
	}
	pm.sup.stop(2 * time.Second)
	if pm.upstreamUp() {
		t.Fatal("upstream still accepting after stop")
	}
}

func TestNewProxyModeRejectsBadURL(t *testing.T) {
	for _, u := range []string{"127.0.0.1:5000", "ftp://x", "http://"} {
		cfg := &Config{Process: []string{"x"}, UpstreamURL: u, WriteTimeout: time.Second}
		if _, err := newProxyMode(cfg, nil, io.Discard); err == nil {
			t.Errorf("%q accepted", u)
		}
	}
}
