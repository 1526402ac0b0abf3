package main

import (
	"bufio"
	"io"
	"log"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
)

// Children started by the watchdog are tracked so that the PID 1 reaper
// (reap.go) never steals the exit status that exec.Cmd.Wait is waiting for.
var (
	procMu  sync.Mutex
	tracked = map[int]struct{}{}
)

// startTracked starts cmd in its own process group (so a timeout can kill
// the whole tree) and records its pid until waitTracked returns.
func startTracked(cmd *exec.Cmd) error {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Setpgid = true
	procMu.Lock()
	defer procMu.Unlock()
	if err := cmd.Start(); err != nil {
		return err
	}
	tracked[cmd.Process.Pid] = struct{}{}
	return nil
}

func waitTracked(cmd *exec.Cmd) error {
	err := cmd.Wait()
	procMu.Lock()
	delete(tracked, cmd.Process.Pid)
	procMu.Unlock()
	return err
}

func isTracked(pid int) bool {
	_, ok := tracked[pid]
	return ok
}

// signalGroup sends sig to the process group led by p.
func signalGroup(p *os.Process, sig syscall.Signal) {
	if err := syscall.Kill(-p.Pid, sig); err != nil {
		_ = p.Signal(sig)
	}
}

// copyLines logs every line read from r until EOF. With prefix the line
// goes through the logger as "name: line"; otherwise it is written as is.
func copyLines(r io.ReadCloser, name string, prefix bool, lg *log.Logger, raw io.Writer) {
	defer r.Close()
	br := bufio.NewReaderSize(r, 4096)
	for {
		chunk, err := br.ReadSlice('\n')
		if len(chunk) > 0 {
			line := strings.TrimRight(string(chunk), "\r\n")
			if prefix {
				lg.Printf("%s: %s", name, line)
			} else {
				_, _ = io.WriteString(raw, line+"\n")
			}
		}
		if err != nil && err != bufio.ErrBufferFull {
			return
		}
	}
}
