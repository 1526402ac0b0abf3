package main

import (
	"bytes"
	"log"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// syncBuffer is a goroutine-safe log sink for tests.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newTestLogger() (*log.Logger, *syncBuffer) {
	b := &syncBuffer{}
	return log.New(b, "", log.LstdFlags), b
}

// testConfig is readConfig with the given env on top of nothing else.
func testConfig(t *testing.T, env map[string]string) *Config {
	t.Helper()
	cfg, err := readConfig(func(k string) string { return env[k] })
	if err != nil {
		t.Fatalf("readConfig: %v", err)
	}
	return &cfg
}

// waitFor polls cond until it holds or the timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func mustContain(t *testing.T, haystack, needle string) {
	t.Helper()
	if !strings.Contains(haystack, needle) {
		t.Fatalf("expected %q in:\n%s", needle, haystack)
	}
}

func (wd *watchdog) inflightNow() int64 { return atomic.LoadInt64(&wd.inflight) }
