package main

import (
	"runtime/debug"
	"sync"
	"time"
)

// idleRelease is how long the watchdog must be idle before it hands freed
// heap back to the OS. Go's background scavenger is slow to do so, and a
// function container spends most of its life idle after a burst.
const idleRelease = 3 * time.Second

// idleReleaser runs release (debug.FreeOSMemory) once requests stop.
type idleReleaser struct {
	mu      sync.Mutex
	timer   *time.Timer
	release func()
}

// busy cancels a pending release while requests are in flight.
func (r *idleReleaser) busy() {
	r.mu.Lock()
	if r.timer != nil {
		r.timer.Stop()
	}
	r.mu.Unlock()
}

// idle (re)arms the release for idleRelease from now.
func (r *idleReleaser) idle() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.timer == nil {
		release := r.release
		if release == nil {
			release = debug.FreeOSMemory
		}
		r.timer = time.AfterFunc(idleRelease, release)
		return
	}
	r.timer.Reset(idleRelease)
}
