'use client';

import { useState } from 'react';
import { FormError } from '@/components/instructor/FormError';
import { postJson } from '@/components/instructor/post-json';
import type { ErrorView } from '@/lib/errors';

/** End the session for everyone, after saying what that does. */
export function EndSession({ workshopId, title, ended, sandboxes, onEnded }: { workshopId: string; title: string; ended: boolean; sandboxes: number; onEnded: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorView | null>(null);
  const [done, setDone] = useState<number | null>(null);
  if (ended) return <p className="muted" data-testid="end-done">Session ended{done !== null ? `: ${done} sandbox${done === 1 ? '' : 'es'} removed` : ''}. Participants keep their files and progress.</p>;
  if (!confirming) return <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>End session…</button>;
  return (
    <div className="end-confirm" role="group" aria-label="End the session">
      <p>End “{title}” now? Nobody can join any more, and {sandboxes === 0 ? 'no sandbox is running' : `the ${sandboxes} sandbox${sandboxes === 1 ? '' : 'es'} of its participants are removed`}. Their files and progress are kept.</p>
      <div className="row-buttons">
        <button type="button" className="danger" disabled={busy} onClick={async () => {
          setBusy(true);
          const r = await postJson<{ sandboxesRemoved: number }>(`/api/instructor/workshops/${workshopId}/end`, {});
          setBusy(false);
          if (!r.ok) { setError(r.error); return; }
          setDone(r.value.sandboxesRemoved);
          onEnded();
        }}>{busy ? 'Ending, removing sandboxes…' : 'End session now'}</button>
        <button type="button" className="secondary" disabled={busy} onClick={() => setConfirming(false)}>Cancel</button>
      </div>
      <FormError error={error} />
    </div>
  );
}
