package main

import (
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// startReaper reaps orphaned zombies when the watchdog runs as PID 1
// (CMD ["fwatchdog"] without an init): grandchildren left behind by a
// function are re-parented to us and would otherwise pile up.
func startReaper() {
	if os.Getpid() != 1 {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGCHLD)
	go func() {
		for range ch {
			reapOrphans("/proc")
		}
	}()
}

// reapOrphans waits for every zombie child of this process that the
// watchdog did not start itself, and returns how many it reaped.
func reapOrphans(procDir string) int {
	entries, err := os.ReadDir(procDir)
	if err != nil {
		return 0
	}
	self := os.Getpid()
	n := 0
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile(filepath.Join(procDir, e.Name(), "stat"))
		if err != nil {
			continue
		}
		// "pid (comm) S ppid ...": comm may hold spaces, so cut at the last ')'.
		s := string(stat)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(s[i+1:])
		if len(f) < 2 || f[0] != "Z" || f[1] != strconv.Itoa(self) {
			continue
		}
		procMu.Lock()
		if !isTracked(pid) {
			var ws syscall.WaitStatus
			if got, _ := syscall.Wait4(pid, &ws, syscall.WNOHANG, nil); got == pid {
				n++
			}
		}
		procMu.Unlock()
	}
	return n
}
