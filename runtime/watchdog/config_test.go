package main

import (
	"reflect"
	"testing"
	"time"
)

func TestReadConfigDefaults(t *testing.T) {
	c := testConfig(t, map[string]string{"fprocess": "cat"})
	want := Config{
		Process: []string{"cat"}, Mode: "classic",
		ReadTimeout: 10 * time.Second, WriteTimeout: 10 * time.Second,
		HealthcheckInterval: 10 * time.Second, Port: 8080,
		CGIHeaders: true, CombineOutput: true, PrefixLogs: true,
	}
	if !reflect.DeepEqual(*c, want) {
		t.Fatalf("got %+v\nwant %+v", *c, want)
	}
}

func TestReadConfigValues(t *testing.T) {
	c := testConfig(t, map[string]string{
		"fprocess": "python3  index.py", "mode": "HTTP", "upstream_url": "http://127.0.0.1:5000",
		"read_timeout": "5", "write_timeout": "1m30s", "exec_timeout": "250ms",
		"port": "9090", "write_debug": "true", "cgi_headers": "false", "combine_output": "false",
		"content_type": "application/json", "max_inflight": "3", "suppress_lock": "true", "prefix_logs": "false",
	})
	if !reflect.DeepEqual(c.Process, []string{"python3", "index.py"}) {
		t.Fatalf("process %q", c.Process)
	}
	if c.Mode != "http" || c.UpstreamURL != "http://127.0.0.1:5000" {
		t.Fatalf("mode %q upstream %q", c.Mode, c.UpstreamURL)
	}
	if c.ReadTimeout != 5*time.Second || c.WriteTimeout != 90*time.Second || c.ExecTimeout != 250*time.Millisecond {
		t.Fatalf("timeouts %s %s %s", c.ReadTimeout, c.WriteTimeout, c.ExecTimeout)
	}
	if c.HealthcheckInterval != 90*time.Second {
		t.Fatalf("healthcheck_interval should default to write_timeout, got %s", c.HealthcheckInterval)
	}
	if c.Port != 9090 || !c.WriteDebug || c.CGIHeaders || c.CombineOutput || c.ContentType != "application/json" ||
		c.MaxInflight != 3 || !c.SuppressLock || c.PrefixLogs {
		t.Fatalf("flags %+v", c)
	}
}

func TestParseDurationFallbacks(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"": 7 * time.Second, "abc": 7 * time.Second, "-1": 7 * time.Second, "-2s": 7 * time.Second,
		"0": 0, "12": 12 * time.Second, "1.5s": 1500 * time.Millisecond, " 3 ": 3 * time.Second,
	} {
		if got := parseDuration(in, 7*time.Second); got != want {
			t.Errorf("parseDuration(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestReadConfigErrors(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"no fprocess":      {},
		"blank fprocess":   {"fprocess": "   "},
		"unterminated":     {"fprocess": "sh -c 'exit 3"},
		"http no upstream": {"fprocess": "node index.js", "mode": "http"},
		"unknown mode":     {"fprocess": "cat", "mode": "streaming"},
	} {
		if _, err := readConfig(func(k string) string { return env[k] }); err == nil {
			t.Errorf("%s: expected an error", name)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	for in, want := range map[string][]string{
		"cat":                          {"cat"},
		"  python3   index.py ":        {"python3", "index.py"},
		"sh -c 'exit 3'":               {"sh", "-c", "exit 3"},
		`sh -c "echo 'hi there'" x`:    {"sh", "-c", "echo 'hi there'", "x"},
		"a''b":                         {"ab"},
		"''":                           {""},
		"node\tindex.js --port=3000\n": {"node", "index.js", "--port=3000"},
	} {
		got, err := splitArgs(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("splitArgs(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
