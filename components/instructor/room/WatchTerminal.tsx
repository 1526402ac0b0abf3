'use client';

import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { OpenTerminal } from '@/components/terminal/open-terminal';
import type { ConnectionStatus } from '@/components/terminal/status';
import { TerminalPicker } from './TerminalPicker';
import { useMemberTerminals } from './use-member-terminals';
import { connectWatch } from './watch-connection';

const STATUS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…', preparing: 'Connecting…', connected: 'Live', stopped: 'Stopped',
  disconnected: 'Disconnected: their sandbox may have gone, or they have not opened a terminal yet',
};

/**
 * A member's terminal, live: read-only until the instructor takes over (then what they type runs
 * in the participant's shell, and the participant's pages say the instructor is in it).
 */
export function WatchTerminal({ workshopId, member, onClose }: { workshopId: string; member: { key: string; displayName: string }; onClose: () => void }) {
  const host = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<'watch' | 'control'>('watch');
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [attempt, setAttempt] = useState(0);
  const terminals = useMemberTerminals(workshopId, member.key);
  const [terminal, setTerminal] = useState<string | null>(null);
  // Once, on the first answer: the one they used last ("1" if the list cannot be read). Later
  // answers only update the list: the view never jumps to another terminal by itself.
  const known = terminals.list !== null || terminals.error !== null;
  useEffect(() => { if (known) setTerminal((t) => t ?? terminals.list?.latest ?? '1'); }, [known, terminals.list]);

  useEffect(() => {
    if (!terminal) return;
    const connection = connectWatch(workshopId, member.key, mode, terminal);
    connection.onStatus(setStatus);
    let term: OpenTerminal | null = null;
    let cancelled = false;
    void import('@/components/terminal/open-terminal').then(({ openTerminal }) => {
      if (cancelled || !host.current) return;
      term = openTerminal(host.current, connection);
      if (mode === 'control') term.focus();
    });
    return () => { cancelled = true; term?.dispose(); connection.close(); };
  }, [workshopId, member.key, mode, attempt, terminal]);

  return (
    <section className="watch-panel" role="dialog" aria-label={`${member.displayName}'s terminal`} data-testid="watch-panel" data-mode={mode}>
      <header>
        <h2>{member.displayName}&apos;s terminal</h2>
        {terminal && <TerminalPicker list={terminals.list} value={terminal} onChange={setTerminal} />}
        <span className={`watch-mode ${mode}`}>{mode === 'watch' ? 'Watching, read-only' : 'You are typing in it'}</span>
        <span className="muted" data-testid="watch-status">{STATUS[status]}</span>
        <span className="spacer" />
        {status === 'disconnected' && <button type="button" className="secondary" onClick={() => setAttempt((n) => n + 1)}>Try again</button>}
        {mode === 'watch'
          ? <button type="button" className="danger-outline" onClick={() => setMode('control')}>Take over</button>
          : <button type="button" className="secondary" onClick={() => setMode('watch')}>Give back (read-only)</button>}
        <button type="button" className="secondary" onClick={onClose}>Close</button>
      </header>
      <p className={`watch-note ${mode}`}>
        {mode === 'control'
          ? `${member.displayName} sees a banner saying you are in their terminal; they can still type too.`
          : `Read-only: nothing you type is sent. ${member.displayName} sees that you are looking.`}
        {' '}Shown at their window&apos;s size (dots fill the rest).
      </p>
      <div className="watch-screen" ref={host} data-testid="watch-screen" />
    </section>
  );
}
