'use client';

import { useState } from 'react';
import { FormError } from '@/components/instructor/FormError';
import { postJson } from '@/components/instructor/post-json';
import type { ErrorView } from '@/lib/errors';

const time = (ms: number) => new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

/** A message for everyone in the session: a banner on each member's pages until they close it or the instructor takes it down. */
export function BroadcastForm({ workshopId, disabled, current, onSent }: { workshopId: string; disabled: boolean; current: { message: string; at: number } | null; onSent: () => void }) {
  const [error, setError] = useState<ErrorView | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form className="card form broadcast" aria-labelledby="broadcast-title" onSubmit={async (e) => {
      e.preventDefault();
      const form = e.currentTarget;
      setBusy(true);
      const r = await postJson(`/api/instructor/workshops/${workshopId}/broadcast`, { message: new FormData(form).get('message') });
      setBusy(false);
      if (!r.ok) { setError(r.error); return; }
      setError(null);
      form.reset();
      onSent();
    }}>
      <h2 id="broadcast-title">Message everyone</h2>
      <div className="broadcast-row">
        <input name="message" aria-label="Message" required maxLength={280} placeholder="e.g. Break until 11:00 — then Lab 3" disabled={disabled} autoComplete="off" />
        <button type="submit" disabled={busy || disabled}>{busy ? 'Sending…' : 'Send'}</button>
      </div>
      <FormError error={error} />
      <div className="broadcast-current">
        <p className="muted" data-testid="broadcast-current">
          {disabled ? 'The session has ended.' : current ? <>Showing since {time(current.at)}: <q>{current.message}</q> (a new message replaces it)</> : 'Shown as a banner on every participant\'s pages, until they close it.'}
        </p>
        {current && !disabled && (
          <button type="button" className="secondary" disabled={busy} onClick={async () => {
            setBusy(true);
            const r = await postJson(`/api/instructor/workshops/${workshopId}/broadcast`, {}, 'DELETE');
            setBusy(false);
            if (!r.ok) { setError(r.error); return; }
            setError(null);
            onSent();
          }}>Take it down</button>
        )}
      </div>
    </form>
  );
}
