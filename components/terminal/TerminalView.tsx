'use client';

import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { announceSandboxChange } from '../sandbox/changed';
import type { OpenTerminal } from './open-terminal';
import { STATUS_LABEL, type ConnectionStatus } from './status';

type Props = {
  name: string;
  /** Hidden terminals stay connected (their output keeps coming); only the shown one is laid out. */
  hidden: boolean;
  /** Called with the live terminal once it is open, and with null when it closes. */
  onOpen: (name: string, term: OpenTerminal | null) => void;
};

/** One of the participant's terminals: an xterm attached to its own tmux session in their shell. */
export function TerminalView({ name, hidden, onOpen }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');

  useEffect(() => {
    let term: OpenTerminal | undefined;
    let cancelled = false;
    // xterm needs the DOM when it loads: import it in the browser only, never during SSR.
    void import('./open-terminal').then(({ openTerminal }) => {
      if (cancelled || !host.current) return;
      term = openTerminal(host.current, name, (s) => { setStatus(s); if (s === 'connected') announceSandboxChange(); });
      onOpen(name, term);
    });
    return () => { cancelled = true; term?.close(); onOpen(name, null); };
  }, [name, onOpen]);

  return (
    <div className="terminal-view" hidden={hidden} data-terminal={name}>
      <span className={`status ${status}`} role="status" data-testid="terminal-status">{STATUS_LABEL[status]}</span>
      <div className="screen" ref={host} data-testid="terminal" />
    </div>
  );
}
