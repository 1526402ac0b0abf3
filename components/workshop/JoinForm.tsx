'use client';

import { useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { FormError } from '@/components/instructor/FormError';
import { postJson } from '@/components/instructor/post-json';
import { useHydrated } from '@/components/instructor/use-hydrated';
import '@/components/instructor/instructor.css';

/** A display name → the session joined, then its first lab (a full page load, so the header shows the session). */
export function JoinForm({ code, name }: { code: string; name: string | null }) {
  const [error, setError] = useState<ErrorView | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  return (
    <form className="card form" onSubmit={async (e) => {
      e.preventDefault();
      setBusy(true);
      const r = await postJson<{ href: string }>('/api/join', { code, name: new FormData(e.currentTarget).get('name') });
      if (r.ok) { window.location.assign(r.value.href); return; }
      setBusy(false);
      setError(r.error);
    }}>
      <label>Your name <span className="muted">as your instructor will see it; no account or password needed</span>
        <input name="name" defaultValue={name ?? ''} required maxLength={40} autoComplete="nickname" autoFocus />
      </label>
      <FormError error={error} />
      <button type="submit" disabled={busy || !hydrated}>{busy ? 'Joining…' : name ? 'Continue' : 'Join'}</button>
    </form>
  );
}
