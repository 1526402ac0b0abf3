package main

import (
	"os/exec"
	"strings"
	"testing"
)

func TestForbidNewPrivilegesReachesForkedProcesses(t *testing.T) {
	if err := forbidNewPrivileges(); err != nil {
		t.Fatalf("forbidNewPrivileges: %v", err)
	}
	// Several forks: each may start from another OS thread of the Go runtime.
	for i := 0; i < 8; i++ {
		out, err := exec.Command("sh", "-c", "grep NoNewPrivs /proc/self/status").Output()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(strings.Fields(string(out)), " "); got != "NoNewPrivs: 1" {
			t.Fatalf("fork %d: %q, want NoNewPrivs: 1", i, got)
		}
	}
}
