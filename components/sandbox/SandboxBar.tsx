'use client';

import { useCallback, useEffect, useState } from 'react';
import { usePathname, useRouter } from 'next/navigation';
import { extendMySandbox, mySandboxStatus, resetMySandbox, type StatusAnswer } from '@/app/actions/sandbox';
import { RedoList } from '@/components/progress/RedoList';
import type { RedoItem } from '@/lib/progress/summary';
import { formatRemaining } from '@/lib/sandbox/lifetime';
import { onSandboxChange } from './changed';

const REFRESH_MS = 30_000;

/**
 * In the site header: how long the participant's sandbox has left (and whether idleness or the
 * hard limit ends it), Extend, and Reset (a fresh stack; keep my files or not). After a reset
 * it lists the checks that passed in the old sandbox, with links to their steps.
 */
export function SandboxBar() {
  const [answer, setAnswer] = useState<StatusAnswer | null>(null);
  const [fetchedAt, setFetchedAt] = useState(0);
  const [now, setNow] = useState(0);
  const [busy, setBusy] = useState<'' | 'extend' | 'reset'>('');
  const [confirming, setConfirming] = useState(false);
  const [keepFiles, setKeepFiles] = useState(true);
  const [redo, setRedo] = useState<RedoItem[]>([]);
  const router = useRouter();
  // An instructor's pages are about sessions, not a sandbox of their own; a join page is about
  // the session (its sandbox comes with the first lab).
  const path = usePathname();
  const instructorPage = path.startsWith('/instructor') || path.startsWith('/join');

  const show = useCallback((a: StatusAnswer) => { setAnswer(a); setFetchedAt(Date.now()); setNow(Date.now()); }, []);
  useEffect(() => {
    const refresh = () => void mySandboxStatus().then(show);
    refresh();
    const poll = setInterval(refresh, REFRESH_MS);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const off = onSandboxChange(refresh);
    return () => { clearInterval(poll); clearInterval(tick); off(); };
  }, [show]);

  if (!answer || instructorPage) return null;
  if ('error' in answer) return <span className="sandbox-bar error" role="alert">{answer.error.message}</span>;
  const { status } = answer;
  if (!status.exists) return <span className="sandbox-bar muted" data-testid="sandbox-status">No sandbox yet: it is made when you first run something.</span>;
  const left = Math.max(0, status.remainingMs - (now - fetchedAt));
  const why = status.reason === 'idle' ? 'if idle' : 'time limit';
  return (
    <span className="sandbox-bar" aria-label="Your sandbox">
      <span data-testid="sandbox-status">Sandbox: <strong>{formatRemaining(left)}</strong> left <span className="muted">({why})</span></span>
      <button type="button" disabled={!!busy} onClick={async () => { setBusy('extend'); show(await extendMySandbox()); setBusy(''); }}>
        {busy === 'extend' ? 'Extending…' : 'Extend'}
      </button>
      {!confirming ? (
        <button type="button" className="secondary" disabled={!!busy} onClick={() => setConfirming(true)}>Reset…</button>
      ) : (
        <span className="confirm" role="group" aria-label="Reset your sandbox">
          <label><input type="checkbox" checked={keepFiles} onChange={(e) => setKeepFiles(e.target.checked)} /> keep my files</label>
          <button type="button" disabled={!!busy} onClick={async () => {
            setBusy('reset');
            const a = await resetMySandbox(keepFiles);
            show(a);
            setRedo('redo' in a ? a.redo ?? [] : []);
            setBusy(''); setConfirming(false);
            // the page's step marks and notes come from the server: show them for the new sandbox
            router.refresh();
          }}>{busy === 'reset' ? 'Making a fresh sandbox…' : 'Reset now'}</button>
          <button type="button" className="secondary" disabled={!!busy} onClick={() => setConfirming(false)}>Cancel</button>
        </span>
      )}
      {redo.length > 0 && (
        <span className="sandbox-redo" role="status" data-testid="sandbox-redo">
          <span className="redo-list-holder">
            <button type="button" className="close" aria-label="Close the list of checks to redo" onClick={() => setRedo([])}>×</button>
            <RedoList items={redo} onNavigate={() => setRedo([])} />
          </span>
        </span>
      )}
    </span>
  );
}
