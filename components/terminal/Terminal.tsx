'use client';

import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { announceSandboxChange } from '../sandbox/changed';
import { STATUS_LABEL, type ConnectionStatus } from './status';

const OPEN_KEY = 'faaslab.terminal.open';

/**
 * The participant's terminal: a collapsible panel with an xterm attached to the tmux session in
 * their sandbox's shell, and the state of its connection.
 */
export function Terminal() {
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [open, setOpen] = useState(true);

  useEffect(() => { setOpen(localStorage.getItem(OPEN_KEY) !== 'false'); }, []);
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    // xterm needs the DOM when it loads: import it in the browser only, never during SSR.
    void import('./open-terminal').then(({ openTerminal }) => {
      if (!cancelled && host.current) {
        dispose = openTerminal(host.current, (s) => { setStatus(s); if (s === 'connected') announceSandboxChange(); });
      }
    });
    return () => { cancelled = true; dispose?.(); };
  }, []);

  const toggle = () => { localStorage.setItem(OPEN_KEY, String(!open)); setOpen(!open); };
  return (
    <section className="terminal-panel" aria-label="Terminal">
      <div className="bar">
        <strong>Terminal</strong>
        <span className={`status ${status}`} role="status" data-testid="terminal-status">{STATUS_LABEL[status]}</span>
        <button type="button" onClick={toggle} aria-expanded={open}>{open ? 'Hide' : 'Show'}</button>
      </div>
      <div className="screen" ref={host} hidden={!open} data-testid="terminal" />
    </section>
  );
}
