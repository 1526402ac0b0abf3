package main

import "syscall"

const prSetNoNewPrivs = 38

// forbidNewPrivileges sets no_new_privs on every thread of the watchdog, so every process it
// forks inherits it: a setuid binary in the function's image cannot gain privileges. (Docker's
// --security-opt no-new-privileges does the same, but Swarm services cannot ask for it on the
// engine's API 1.41.) no_new_privs is per thread, hence AllThreadsSyscall6 (needs CGO_ENABLED=0).
func forbidNewPrivileges() error {
	if _, _, errno := syscall.AllThreadsSyscall6(syscall.SYS_PRCTL, prSetNoNewPrivs, 1, 0, 0, 0, 0); errno != 0 {
		return errno
	}
	return nil
}
