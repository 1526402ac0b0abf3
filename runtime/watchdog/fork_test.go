package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// newFork returns a classic-mode handler plus its log and raw-output sinks.
func newFork(t *testing.T, env map[string]string) (*forkHandler, *syncBuffer, *syncBuffer) {
	lg, logs := newTestLogger()
	out := &syncBuffer{}
	return &forkHandler{cfg: testConfig(t, env), log: lg, out: out}, logs, out
}

func do(h http.Handler, method, target, body string, hdr map[string]string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, strings.NewReader(body))
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestForkEchoesBody(t *testing.T) {
	h, logs, _ := newFork(t, map[string]string{"fprocess": "cat"})
	w := do(h, "POST", "/", "hello world", map[string]string{"Content-Type": "text/plain"})
	if w.Code != 200 || w.Body.String() != "hello world" {
		t.Fatalf("got %d %q", w.Code, w.Body.String())
	}
	if ct := w.Header().Get("Content-Type"); ct != "text/plain" {
		t.Fatalf("content-type %q", ct)
	}
	if d, err := strconv.ParseFloat(w.Header().Get("X-Duration-Seconds"), 64); err != nil || d <= 0 || d > 5 {
		t.Fatalf("X-Duration-Seconds %q", w.Header().Get("X-Duration-Seconds"))
	}
	mustContain(t, logs.String(), "Forking fprocess.")
	if !regexp.MustCompile(`Wrote 11 Bytes - Duration: \d+\.\d{6} seconds`).MatchString(logs.String()) {
		t.Fatalf("no Wrote line in:\n%s", logs.String())
	}
}

func TestForkContentTypeOverrideAndMethods(t *testing.T) {
	h, _, _ := newFork(t, map[string]string{"fprocess": "cat", "content_type": "application/json"})
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE"} {
		w := do(h, m, "/", `{"a":1}`, map[string]string{"Content-Type": "text/plain"})
		if w.Code != 200 || w.Body.String() != `{"a":1}` || w.Header().Get("Content-Type") != "application/json" {
			t.Fatalf("%s: %d %q %q", m, w.Code, w.Body.String(), w.Header().Get("Content-Type"))
		}
	}
	if w := do(h, "GET", "/", "", nil); w.Code != 200 || w.Body.Len() != 0 {
		t.Fatalf("GET: %d %q", w.Code, w.Body.String())
	}
	for _, m := range []string{"HEAD", "OPTIONS", "TRACE"} {
		if w := do(h, m, "/", "", nil); w.Code != http.StatusMethodNotAllowed {
			t.Fatalf("%s: %d", m, w.Code)
		}
	}
}

func TestForkLargeBodyAndUnreadStdin(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 1<<16) // 1 MiB, far beyond a pipe buffer
	h, _, _ := newFork(t, map[string]string{"fprocess": "cat"})
	if w := do(h, "POST", "/", big, nil); w.Code != 200 || w.Body.String() != big {
		t.Fatalf("cat: %d, %d bytes", w.Code, w.Body.Len())
	}
	h, _, _ = newFork(t, map[string]string{"fprocess": "sh -c 'echo ignored-stdin'", "exec_timeout": "5s"})
	if w := do(h, "POST", "/", big, nil); w.Code != 200 || w.Body.String() != "ignored-stdin\n" {
		t.Fatalf("unread stdin: %d %q", w.Code, w.Body.String())
	}
}

func TestForkNonZeroExit(t *testing.T) {
	h, logs, _ := newFork(t, map[string]string{"fprocess": "sh -c 'echo partial; echo oops >&2; exit 3'"})
	w := do(h, "POST", "/", "", nil)
	if w.Code != 500 || w.Body.String() != "exit status 3\npartial\noops\n" {
		t.Fatalf("got %d %q", w.Code, w.Body.String())
	}
	mustContain(t, logs.String(), "Function failed: exit status 3")
}

func TestForkMissingBinary(t *testing.T) {
	h, _, _ := newFork(t, map[string]string{"fprocess": "/nonexistent/fn"})
	w := do(h, "POST", "/", "x", nil)
	if w.Code != 500 || !strings.Contains(w.Body.String(), "no such file or directory") {
		t.Fatalf("got %d %q", w.Code, w.Body.String())
	}
}

func TestForkSeparateStderr(t *testing.T) {
	h, logs, _ := newFork(t, map[string]string{
		"fprocess": "sh -c 'echo to-stdout; echo to-stderr >&2'", "combine_output": "false"})
	w := do(h, "POST", "/", "", nil)
	if w.Code != 200 || w.Body.String() != "to-stdout\n" {
		t.Fatalf("got %d %q", w.Code, w.Body.String())
	}
	mustContain(t, logs.String(), "stderr: to-stderr")

	h, _, raw := newFork(t, map[string]string{
		"fprocess": "sh -c 'echo to-stderr >&2'", "combine_output": "false", "prefix_logs": "false"})
	do(h, "POST", "/", "", nil)
	if raw.String() != "to-stderr\n" {
		t.Fatalf("unprefixed stderr %q", raw.String())
	}
}

func TestForkExecTimeoutKillsProcessGroup(t *testing.T) {
	pidFile := filepath.Join(t.TempDir(), "pid")
	h, logs, _ := newFork(t, map[string]string{
		"fprocess":     "sh -c 'sleep 30 & echo $! > " + pidFile + "; wait'",
		"exec_timeout": "300ms",
	})
	start := time.Now()
	w := do(h, "POST", "/", "", nil)
	if w.Code != http.StatusRequestTimeout || w.Body.String() != "Killed process.\n" {
		t.Fatalf("got %d %q", w.Code, w.Body.String())
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Fatalf("took %s", took)
	}
	mustContain(t, logs.String(), "Killing process: sh -c sleep 30")
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	waitFor(t, 3*time.Second, "background sleep to die", func() bool { return !alive(pid) })
}

// alive is true while pid exists and is not a zombie.
func alive(pid int) bool {
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(stat)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	return len(f) > 0 && f[0] != "Z"
}

func TestForkSleepTimeout(t *testing.T) {
	h, _, _ := newFork(t, map[string]string{"fprocess": "sleep 5", "exec_timeout": "1"})
	start := time.Now()
	if w := do(h, "POST", "/", "", nil); w.Code != 408 {
		t.Fatalf("got %d", w.Code)
	}
	if took := time.Since(start); took < 900*time.Millisecond || took > 3*time.Second {
		t.Fatalf("took %s", took)
	}
}

func TestForkClientGoneKillsProcess(t *testing.T) {
	h, logs, _ := newFork(t, map[string]string{"fprocess": "sleep 30"})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	r := httptest.NewRequest("POST", "/", nil).WithContext(ctx)
	start := time.Now()
	h.ServeHTTP(httptest.NewRecorder(), r)
	if took := time.Since(start); took > 3*time.Second {
		t.Fatalf("took %s", took)
	}
	mustContain(t, logs.String(), "Client went away")
}

func envMap(body string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(body, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			m[k] = v
		}
	}
	return m
}

func TestForkCGIHeaders(t *testing.T) {
	t.Setenv("FAASLAB_CONTAINER_VAR", "from-container")
	h, _, _ := newFork(t, map[string]string{"fprocess": "env"})
	srv := httptest.NewServer(h)
	defer srv.Close()

	req, _ := http.NewRequest("POST", srv.URL+"/some/path?a=1&b=two", strings.NewReader("abc"))
	req.Header.Set("X-Call-Id", "call-123")
	req.Header.Set("Content-Type", "text/plain")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	env := envMap(string(body))
	for k, want := range map[string]string{
		"Http_X_Call_Id": "call-123", "Http_Content_Type": "text/plain", "Http_Method": "POST",
		"Http_ContentLength": "3", "Http_Content_Length": "3", "Http_Query": "a=1&b=two",
		"Http_Path": "/some/path", "Http_Host": strings.TrimPrefix(srv.URL, "http://"),
		"FAASLAB_CONTAINER_VAR": "from-container",
	} {
		if env[k] != want {
			t.Errorf("%s = %q, want %q", k, env[k], want)
		}
	}
	if _, ok := env["Http_Transfer_Encoding"]; ok {
		t.Errorf("unexpected Http_Transfer_Encoding")
	}

	// A body of unknown length is sent chunked.
	req, _ = http.NewRequest("PUT", srv.URL+"/", io.MultiReader(strings.NewReader("x")))
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	env = envMap(string(body))
	if env["Http_Transfer_Encoding"] != "chunked" || env["Http_Content_Length"] != "-1" || env["Http_Method"] != "PUT" {
		t.Errorf("chunked env: %q %q %q", env["Http_Transfer_Encoding"], env["Http_Content_Length"], env["Http_Method"])
	}
	if _, ok := env["Http_Query"]; ok {
		t.Errorf("Http_Query set without a query")
	}
}

func TestForkCGIHeadersDisabled(t *testing.T) {
	t.Setenv("FAASLAB_CONTAINER_VAR", "still-here")
	h, _, _ := newFork(t, map[string]string{"fprocess": "env", "cgi_headers": "false"})
	w := do(h, "POST", "/p?q=1", "", map[string]string{"X-Call-Id": "1"})
	if strings.Contains(w.Body.String(), "Http_") {
		t.Fatalf("Http_ vars with cgi_headers=false:\n%s", w.Body.String())
	}
	mustContain(t, w.Body.String(), "FAASLAB_CONTAINER_VAR=still-here")
}

func TestForkWriteDebug(t *testing.T) {
	h, logs, out := newFork(t, map[string]string{"fprocess": "cat", "write_debug": "true"})
	w := do(h, "POST", "/debug/path?x=y", "debug output", nil)
	if w.Code != 200 {
		t.Fatalf("got %d", w.Code)
	}
	mustContain(t, logs.String(), "Query x=y")
	mustContain(t, logs.String(), "Path /debug/path")
	if out.String() != "debug output\n" {
		t.Fatalf("function output on stdout %q", out.String())
	}

	h, logs, out = newFork(t, map[string]string{"fprocess": "cat"})
	do(h, "POST", "/debug/path?x=y", "quiet", nil)
	if strings.Contains(logs.String(), "Query") || out.String() != "" {
		t.Fatalf("debug output without write_debug: %q %q", logs.String(), out.String())
	}
}

func TestForkConcurrentRequests(t *testing.T) {
	h, _, _ := newFork(t, map[string]string{"fprocess": "cat"})
	errs := make(chan string, 20)
	for i := 0; i < 20; i++ {
		go func(i int) {
			want := strings.Repeat(strconv.Itoa(i), 1000)
			w := do(h, "POST", "/", want, nil)
			if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), []byte(want)) {
				errs <- "request " + strconv.Itoa(i) + " failed"
				return
			}
			errs <- ""
		}(i)
	}
	for i := 0; i < 20; i++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

func TestReapOrphans(t *testing.T) {
	// An untracked child that exits becomes our zombie; reapOrphans must
	// collect it, and must leave tracked children to exec.Cmd.Wait.
	p, err := os.StartProcess("/bin/sh", []string{"sh", "-c", "exit 0"}, &os.ProcAttr{})
	if err != nil {
		t.Fatal(err)
	}
	stat := "/proc/" + strconv.Itoa(p.Pid) + "/stat"
	waitFor(t, 3*time.Second, "zombie", func() bool {
		b, err := os.ReadFile(stat)
		return err == nil && strings.Contains(string(b), ") Z ")
	})
	procMu.Lock()
	tracked[p.Pid] = struct{}{}
	procMu.Unlock()
	if n := reapOrphans("/proc"); n != 0 {
		t.Fatalf("reaped a tracked child")
	}
	procMu.Lock()
	delete(tracked, p.Pid)
	procMu.Unlock()
	if n := reapOrphans("/proc"); n != 1 {
		t.Fatalf("reaped %d, want 1", n)
	}
	if _, err := os.Stat(stat); !os.IsNotExist(err) {
		t.Fatalf("zombie still there: %v", err)
	}
	var ws syscall.WaitStatus
	if _, err := syscall.Wait4(p.Pid, &ws, syscall.WNOHANG, nil); err != syscall.ECHILD {
		t.Fatalf("expected ECHILD after reaping, got %v", err)
	}
}
