'use client';

import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import { announceSandboxChange } from '../sandbox/changed';
import { connectTerminal, type TerminalConnection } from './connect';
import type { OpenTerminal } from './open-terminal';
import { STATUS_LABEL, type ConnectionStatus } from './status';

type Props = {
  name: string;
  /** Not on show (another terminal, or another tab): it stays connected; its xterm waits until first shown. */
  hidden: boolean;
  /** Called with the live terminal once its xterm is open, and with null when it closes. */
  onOpen: (name: string, term: OpenTerminal | null) => void;
};

// xterm needs the DOM: it is fetched in the browser only, never during SSR, when a terminal is
// first shown or when preloadXterm asks. Terminal 1 (every page has it) connects as soon as this
// module runs, before React has hydrated the page, so the sandbox is claimed and tmux attached
// meanwhile.
const loadXterm = () => import('./open-terminal');
/** Fetch xterm now, ahead of the first terminal shown. */
export const preloadXterm = () => { void loadXterm(); };
const early = new Map<string, TerminalConnection>();
if (typeof window !== 'undefined') early.set('1', connectTerminal('1'));

/** One of the participant's terminals: an xterm attached to its own tmux session in their shell. */
export function TerminalView({ name, hidden, onOpen }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [connection, setConnection] = useState<TerminalConnection | null>(null);

  // The connection lives as long as the view (output that comes before the xterm waits in it).
  useEffect(() => {
    const c = early.get(name) ?? connectTerminal(name);
    early.delete(name);
    c.onStatus((s) => { setStatus(s); if (s === 'connected') announceSandboxChange(); });
    setConnection(c);
    return () => { c.close(); setConnection(null); };
  }, [name]);

  // The xterm, from the first time the terminal is shown; a lesson action shows it before typing.
  const [shown, setShown] = useState(!hidden);
  useEffect(() => { if (!hidden) setShown(true); }, [hidden]);
  useEffect(() => {
    if (!shown || !connection) return;
    let term: OpenTerminal | null = null;
    let cancelled = false;
    void loadXterm().then(({ openTerminal }) => {
      if (cancelled || !host.current) return;
      term = openTerminal(host.current, connection);
      onOpen(name, term);
    });
    return () => { cancelled = true; term?.dispose(); onOpen(name, null); };
  }, [shown, connection, name, onOpen]);

  return (
    <div className="terminal-view" hidden={hidden} data-terminal={name}>
      <span className={`status ${status}`} role="status" data-testid="terminal-status">{STATUS_LABEL[status]}</span>
      <div className="screen" ref={host} data-testid="terminal" />
    </div>
  );
}
