package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"time"
)

// proxyMode is of-watchdog's mode=http: fprocess is one long-running
// server and every request is reverse-proxied to upstream_url.
type proxyMode struct {
	cfg    *Config
	log    *log.Logger
	target *url.URL
	proxy  *httputil.ReverseProxy
	sup    *supervisor
	wait   time.Duration // how long a request waits for the upstream to accept
}

func newProxyMode(cfg *Config, lg *log.Logger, raw io.Writer) (*proxyMode, error) {
	target, err := url.Parse(cfg.UpstreamURL)
	if err != nil || target.Host == "" || (target.Scheme != "http" && target.Scheme != "https") {
		return nil, fmt.Errorf("invalid upstream_url %q", cfg.UpstreamURL)
	}
	p := &proxyMode{cfg: cfg, log: lg, target: target, wait: cfg.WriteTimeout / 2,
		sup: &supervisor{args: cfg.Process, log: lg, raw: raw, prefix: cfg.PrefixLogs}}
	dialer := &net.Dialer{Timeout: 2 * time.Second, KeepAlive: 30 * time.Second}
	p.proxy = httputil.NewSingleHostReverseProxy(target)
	p.proxy.Transport = &http.Transport{
		Proxy: nil, // never send function traffic through an HTTP proxy
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return p.dialWaiting(ctx, dialer, network, addr)
		},
		MaxIdleConns:        32,
		MaxIdleConnsPerHost: 32,
		IdleConnTimeout:     60 * time.Second,
		DisableCompression:  true,
	}
	p.proxy.ErrorLog = lg
	p.proxy.ErrorHandler = p.proxyError
	return p, nil
}

func (p *proxyMode) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	if p.cfg.ExecTimeout > 0 {
		ctx, cancel := context.WithTimeout(r.Context(), p.cfg.ExecTimeout)
		defer cancel()
		r = r.WithContext(ctx)
	}
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	p.proxy.ServeHTTP(sw, r)
	p.log.Printf("%s %s - %d %s - ContentLength: %dB (%.4fs)", r.Method, r.URL.RequestURI(),
		sw.status, http.StatusText(sw.status), sw.written, time.Since(start).Seconds())
}

// dialWaiting retries refused connections while the upstream starts up,
// for at most p.wait (and never past the request's own deadline).
func (p *proxyMode) dialWaiting(ctx context.Context, d *net.Dialer, network, addr string) (net.Conn, error) {
	deadline := time.Now().Add(p.wait)
	for {
		c, err := d.DialContext(ctx, network, addr)
		if err == nil || ctx.Err() != nil || time.Now().After(deadline) {
			return c, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func (p *proxyMode) proxyError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(r.Context().Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		p.log.Printf("Upstream HTTP request timed out after %s: %s", p.cfg.ExecTimeout, err)
		http.Error(w, fmt.Sprintf("Gateway Timeout: the function did not answer within exec_timeout (%s)",
			p.cfg.ExecTimeout), http.StatusGatewayTimeout)
	case errors.Is(r.Context().Err(), context.Canceled):
		p.log.Printf("Client went away: %s", err)
		w.WriteHeader(499) // nobody reads it; keeps the log line honest
	default:
		p.log.Printf("Upstream error: %s", err)
		http.Error(w, fmt.Sprintf("Bad Gateway: cannot reach the function at %s: %s", p.cfg.UpstreamURL, err),
			http.StatusBadGateway)
	}
}

// upstreamUp reports whether the upstream accepts TCP connections now.
func (p *proxyMode) upstreamUp() bool {
	host := p.target.Host
	if p.target.Port() == "" {
		port := "80"
		if p.target.Scheme == "https" {
			port = "443"
		}
		host = net.JoinHostPort(p.target.Hostname(), port)
	}
	c, err := net.DialTimeout("tcp", host, time.Second)
	if err != nil {
		return false
	}
	_ = c.Close()
	return true
}

// statusWriter remembers the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status  int
	written int64
}

func (s *statusWriter) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	n, err := s.ResponseWriter.Write(b)
	s.written += int64(n)
	return n, err
}

func (s *statusWriter) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// supervisor keeps fprocess running, restarting it (with back-off) when it
// exits, and forwards its stdout and stderr to the watchdog's log.
type supervisor struct {
	args   []string
	log    *log.Logger
	raw    io.Writer
	prefix bool

	mu       sync.Mutex
	cmd      *exec.Cmd
	stopping bool
	stopCh   chan struct{}
	done     chan struct{}
}

func (s *supervisor) start() {
	s.stopCh, s.done = make(chan struct{}), make(chan struct{})
	go s.loop()
}

func (s *supervisor) loop() {
	defer close(s.done)
	backoff := 250 * time.Millisecond
	for {
		started := time.Now()
		if err := s.runOnce(); err != nil {
			s.mu.Lock()
			stopping := s.stopping
			s.mu.Unlock()
			if stopping {
				return
			}
			if time.Since(started) > 10*time.Second {
				backoff = 250 * time.Millisecond
			}
			s.log.Printf("Forked function has terminated: %s. Restarting in %s", err, backoff)
		}
		select {
		case <-s.stopCh:
			return
		case <-time.After(backoff):
		}
		if backoff *= 2; backoff > 8*time.Second {
			backoff = 8 * time.Second
		}
	}
}

// runOnce starts fprocess and waits for it; the error says why it ended.
func (s *supervisor) runOnce() error {
	cmd := exec.Command(s.args[0], s.args[1:]...)
	outR, outW, err := os.Pipe()
	if err != nil {
		return err
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		_ = outR.Close()
		_ = outW.Close()
		return err
	}
	cmd.Stdout, cmd.Stderr = outW, errW
	s.mu.Lock()
	if s.stopping {
		s.mu.Unlock()
		for _, f := range []*os.File{outR, outW, errR, errW} {
			_ = f.Close()
		}
		return errors.New("stopping")
	}
	err = startTracked(cmd)
	if err == nil {
		s.cmd = cmd
	}
	s.mu.Unlock()
	_ = outW.Close()
	_ = errW.Close()
	if err != nil {
		_ = outR.Close()
		_ = errR.Close()
		return err
	}
	s.log.Printf("Forking - %s (pid %d)", strings.Join(s.args, " "), cmd.Process.Pid)
	go copyLines(outR, "stdout", s.prefix, s.log, s.raw)
	go copyLines(errR, "stderr", s.prefix, s.log, s.raw)
	err = waitTracked(cmd)
	s.mu.Lock()
	s.cmd = nil
	s.mu.Unlock()
	if err == nil {
		err = errors.New("exit status 0")
	}
	return err
}

// stop sends SIGTERM to fprocess's process group, and SIGKILL after grace.
func (s *supervisor) stop(grace time.Duration) {
	s.mu.Lock()
	if s.stopping {
		s.mu.Unlock()
		return
	}
	s.stopping = true
	close(s.stopCh)
	cmd := s.cmd
	s.mu.Unlock()
	if cmd == nil {
		<-s.done
		return
	}
	signalGroup(cmd.Process, syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(grace):
		signalGroup(cmd.Process, syscall.SIGKILL)
		<-s.done
	}
}
