package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// forkHandler is the classic watchdog: one process per request, the
// request body on its stdin and its stdout (plus stderr) as the response.
type forkHandler struct {
	cfg *Config
	log *log.Logger
	out io.Writer // function output with write_debug, unprefixed stderr lines
}

type forkResult struct {
	out      []byte
	err      error // start failure or non-zero exit
	timedOut bool  // killed after exec_timeout
	gone     bool  // killed because the client went away
}

func (h *forkHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodGet:
	default:
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	start := time.Now()
	body, err := io.ReadAll(r.Body) // bounded by the server's read_timeout
	if err != nil {
		h.log.Printf("Error reading request body: %s", err)
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	if h.cfg.WriteDebug {
		h.log.Printf("Query %s", r.URL.RawQuery)
		h.log.Printf("Path %s", r.URL.Path)
	}

	h.log.Println("Forking fprocess.")
	res := h.run(r.Context(), body, h.environ(r))
	took := time.Since(start).Seconds()
	duration := strconv.FormatFloat(took, 'f', 6, 64)

	switch {
	case res.gone:
		h.log.Printf("Client went away, killed process after %s seconds", duration)
	case res.timedOut:
		h.log.Printf("Killing process: %s", strings.Join(h.cfg.Process, " "))
		w.WriteHeader(http.StatusRequestTimeout)
		_, _ = io.WriteString(w, "Killed process.\n")
	case res.err != nil:
		if h.cfg.WriteDebug {
			h.log.Printf("Out=%s", res.out)
		}
		h.log.Printf("Function failed: %s - Duration: %s seconds", res.err, duration)
		w.Header().Set("X-Duration-Seconds", duration)
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = io.WriteString(w, res.err.Error()+"\n")
		_, _ = w.Write(res.out)
	default:
		if h.cfg.WriteDebug {
			// The function's output goes to stdout; end it with a newline so
			// that log collectors (docker logs) show it straight away.
			if n := len(res.out); n > 0 && res.out[n-1] != '\n' {
				_, _ = h.out.Write(append(res.out[:n:n], '\n'))
			} else {
				_, _ = h.out.Write(res.out)
			}
		}
		if h.cfg.ContentType != "" {
			w.Header().Set("Content-Type", h.cfg.ContentType)
		} else if ct := r.Header.Get("Content-Type"); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Header().Set("X-Duration-Seconds", duration)
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(res.out)
		h.log.Printf("Wrote %d Bytes - Duration: %s seconds", len(res.out), duration)
	}
}

// environ returns the process environment: the watchdog's own plus, with
// cgi_headers, one Http_* variable per request header and request detail.
func (h *forkHandler) environ(r *http.Request) []string {
	if !h.cfg.CGIHeaders {
		return nil // inherit the watchdog's environment
	}
	env := os.Environ()
	for k, v := range r.Header {
		if len(v) > 0 {
			env = append(env, "Http_"+strings.ReplaceAll(k, "-", "_")+"="+v[0])
		}
	}
	env = append(env,
		"Http_Method="+r.Method,
		fmt.Sprintf("Http_ContentLength=%d", r.ContentLength),
		fmt.Sprintf("Http_Content_Length=%d", r.ContentLength))
	if len(r.TransferEncoding) > 0 {
		env = append(env, "Http_Transfer_Encoding="+r.TransferEncoding[0])
	}
	if r.URL.RawQuery != "" {
		env = append(env, "Http_Query="+r.URL.RawQuery)
	}
	if r.URL.Path != "" {
		env = append(env, "Http_Path="+r.URL.Path)
	}
	if r.Host != "" {
		env = append(env, "Http_Host="+r.Host)
	}
	return env
}

// run forks fprocess, feeds it body and collects its output. The process
// (and its process group) is killed on exec_timeout or when ctx ends.
func (h *forkHandler) run(ctx context.Context, body []byte, env []string) forkResult {
	args := h.cfg.Process
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = env

	var files []*os.File // every pipe end we open, closed on the way out
	pipe := func() (*os.File, *os.File, error) {
		r, w, err := os.Pipe()
		if err == nil {
			files = append(files, r, w)
		}
		return r, w, err
	}
	defer func() {
		for _, f := range files {
			_ = f.Close()
		}
	}()

	inR, inW, err := pipe()
	if err != nil {
		return forkResult{err: err}
	}
	outR, outW, err := pipe()
	if err != nil {
		return forkResult{err: err}
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, outW
	var errR, errW *os.File
	if !h.cfg.CombineOutput {
		if errR, errW, err = pipe(); err != nil {
			return forkResult{err: err}
		}
		cmd.Stderr = errW
	}

	err = startTracked(cmd)
	// The child holds its own copies now; ours must go for EOF to work.
	_ = inR.Close()
	_ = outW.Close()
	if errW != nil {
		_ = errW.Close()
	}
	if err != nil {
		return forkResult{err: err}
	}

	go func() {
		_, _ = inW.Write(body)
		_ = inW.Close()
	}()
	var out bytes.Buffer
	outDone := make(chan struct{})
	go func() {
		_, _ = io.Copy(&out, outR)
		close(outDone)
	}()
	errDone := make(chan struct{})
	if errR != nil {
		go func() {
			copyLines(io.NopCloser(errR), "stderr", h.cfg.PrefixLogs, h.log, h.out)
			close(errDone)
		}()
	} else {
		close(errDone)
	}
	exited := make(chan error, 1)
	go func() { exited <- waitTracked(cmd) }()

	var timeout <-chan time.Time
	if h.cfg.ExecTimeout > 0 {
		t := time.NewTimer(h.cfg.ExecTimeout)
		defer t.Stop()
		timeout = t.C
	}

	res := forkResult{}
	var waitErr error
	hasExited := false
	for !hasExited || outDone != nil || errDone != nil {
		select {
		case waitErr = <-exited:
			hasExited = true
			_ = inW.Close() // unblock the stdin writer if nobody reads it
		case <-outDone:
			outDone = nil
		case <-errDone:
			errDone = nil
		case <-timeout:
			res.timedOut = true
		case <-ctx.Done():
			res.gone = true
		}
		if res.timedOut || res.gone {
			signalGroup(cmd.Process, syscall.SIGKILL)
			if !hasExited {
				<-exited
			}
			_ = inW.Close()
			// Give the readers a moment, then force EOF in case an
			// escaped grandchild still holds a pipe open.
			drain(outDone, outR)
			drain(errDone, errR)
			return res
		}
	}
	res.out, res.err = out.Bytes(), waitErr
	return res
}

// drain waits briefly for done, then closes f to unblock its reader.
func drain(done <-chan struct{}, f *os.File) {
	if done == nil {
		return
	}
	select {
	case <-done:
		return
	case <-time.After(100 * time.Millisecond):
	}
	if f != nil {
		_ = f.Close()
	}
	<-done
}
