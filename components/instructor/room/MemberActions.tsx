'use client';

import { useState } from 'react';
import { postJson } from '@/components/instructor/post-json';
import type { RosterMember } from '@/lib/room/roster';

/**
 * Read one participant's files or watch their terminal; extend or reset their sandbox for them
 * (Reset keeps their files, as their own Reset does by default). Their files are there with or
 * without a sandbox.
 */
export function MemberActions({ workshopId, member, onChanged, onWatch, onFiles }: { workshopId: string; member: RosterMember; onChanged: () => void; onWatch: () => void; onFiles: () => void }) {
  const [busy, setBusy] = useState<'' | 'extend' | 'reset'>('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: 'extend' | 'reset') => {
    setBusy(action);
    const r = await postJson(`/api/instructor/workshops/${workshopId}/members/${member.key}/${action}`, {});
    setBusy('');
    setConfirming(false);
    setError(r.ok ? null : r.error.message);
    onChanged();
  };
  const files = <button type="button" className="files" onClick={onFiles} aria-label={`Read ${member.displayName}'s files`}>Files</button>;
  if (member.sandbox.state === 'none') return <span className="member-actions">{files}</span>;
  return (
    <span className="member-actions">
      {confirming ? (
        <>
          <span className="muted">A fresh stack, files kept?</span>
          <button type="button" className="danger" disabled={!!busy} onClick={() => act('reset')}>{busy === 'reset' ? 'Resetting…' : 'Reset'}</button>
          <button type="button" className="secondary" disabled={!!busy} onClick={() => setConfirming(false)}>Cancel</button>
        </>
      ) : (
        <>
          {files}
          {member.sandbox.state === 'ready' && <button type="button" className="watch" onClick={onWatch} aria-label={`Watch ${member.displayName}'s terminal`}>Terminal</button>}
          <button type="button" className="secondary" disabled={!!busy} onClick={() => act('extend')} aria-label={`Extend ${member.displayName}'s sandbox`}>{busy === 'extend' ? 'Extending…' : 'Extend'}</button>
          <button type="button" className="secondary" disabled={!!busy} onClick={() => setConfirming(true)} aria-label={`Reset ${member.displayName}'s sandbox`}>Reset…</button>
        </>
      )}
      {error && <span className="form-error small" role="alert">{error}</span>}
    </span>
  );
}
