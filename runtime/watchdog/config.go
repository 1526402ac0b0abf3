package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Config is the watchdog's configuration, read from the environment
// with the same variable names and defaults as the OpenFaaS watchdogs.
type Config struct {
	Process             []string      // fprocess, split into argv
	Mode                string        // "classic" (fork per request) or "http" (reverse proxy)
	UpstreamURL         string        // http mode: where the forked server listens
	ReadTimeout         time.Duration // reading the request (headers and body)
	WriteTimeout        time.Duration // writing the response
	ExecTimeout         time.Duration // hard limit per request; 0 disables it
	HealthcheckInterval time.Duration // bound for draining on SIGTERM
	Port                int
	WriteDebug          bool
	CGIHeaders          bool
	CombineOutput       bool
	ContentType         string
	MaxInflight         int
	SuppressLock        bool
	PrefixLogs          bool
}

const defaultTimeout = 10 * time.Second

// readConfig builds a Config from getenv (os.Getenv in production).
func readConfig(getenv func(string) string) (Config, error) {
	c := Config{
		Mode:          strings.ToLower(strings.TrimSpace(getenv("mode"))),
		UpstreamURL:   firstSet(getenv, "upstream_url", "http_upstream_url"),
		ReadTimeout:   parseDuration(getenv("read_timeout"), defaultTimeout),
		WriteTimeout:  parseDuration(getenv("write_timeout"), defaultTimeout),
		ExecTimeout:   parseDuration(getenv("exec_timeout"), 0),
		Port:          parseInt(getenv("port"), 8080),
		WriteDebug:    parseBool(getenv("write_debug"), false),
		CGIHeaders:    parseBool(getenv("cgi_headers"), true),
		CombineOutput: parseBool(getenv("combine_output"), true),
		ContentType:   getenv("content_type"),
		MaxInflight:   parseInt(getenv("max_inflight"), 0),
		SuppressLock:  parseBool(getenv("suppress_lock"), false),
		PrefixLogs:    parseBool(getenv("prefix_logs"), true),
	}
	c.HealthcheckInterval = parseDuration(getenv("healthcheck_interval"), c.WriteTimeout)
	if c.Mode == "" {
		c.Mode = "classic"
	}

	proc := firstSet(getenv, "fprocess", "function_process")
	args, err := splitArgs(proc)
	if err != nil {
		return c, fmt.Errorf("fprocess: %w", err)
	}
	if len(args) == 0 {
		return c, errors.New("provide a valid process via fprocess environmental variable")
	}
	c.Process = args

	switch c.Mode {
	case "classic":
	case "http":
		if c.UpstreamURL == "" {
			return c, errors.New("mode=http needs upstream_url")
		}
	default:
		return c, fmt.Errorf("unsupported mode %q (use classic or http)", c.Mode)
	}
	return c, nil
}

func firstSet(getenv func(string) string, names ...string) string {
	for _, n := range names {
		if v := getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// parseDuration accepts whole seconds ("10") or a Go duration ("1m30s").
// Anything else, or a negative value, yields the fallback.
func parseDuration(v string, fallback time.Duration) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return fallback
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return fallback
		}
		return time.Duration(n) * time.Second
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return fallback
	}
	return d
}

func parseInt(v string, fallback int) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return fallback
	}
	return n
}

func parseBool(v string, fallback bool) bool {
	b, err := strconv.ParseBool(strings.TrimSpace(v))
	if err != nil {
		return fallback
	}
	return b
}

// splitArgs splits fprocess on whitespace, like the OpenFaaS watchdogs,
// but also keeps 'single' or "double" quoted parts together so that
// values such as `sh -c 'exit 3'` work as a shell user expects.
func splitArgs(s string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inArg := false
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inArg = r, true
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteRune(r)
			inArg = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote in %q", quote, s)
	}
	if inArg {
		args = append(args, cur.String())
	}
	return args, nil
}
