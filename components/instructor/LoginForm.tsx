'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { FormError } from './FormError';
import { postJson } from './post-json';
import { useHydrated } from './use-hydrated';
import './instructor.css';

/** Email and password → the instructor's dashboard. */
export function LoginForm() {
  const router = useRouter();
  const [error, setError] = useState<ErrorView | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  return (
    <form className="card form" method="post" onSubmit={async (e) => {
      e.preventDefault();
      const data = new FormData(e.currentTarget);
      setBusy(true);
      const r = await postJson('/api/instructor/login', { email: data.get('email'), password: data.get('password') });
      setBusy(false);
      if (r.ok) { router.push('/instructor'); router.refresh(); } else setError(r.error);
    }}>
      <label>Email <input name="email" type="email" autoComplete="username" required autoFocus /></label>
      <label>Password <input name="password" type="password" autoComplete="current-password" required /></label>
      <FormError error={error} />
      <button type="submit" disabled={busy || !hydrated}>{busy ? 'Logging in…' : 'Log in'}</button>
    </form>
  );
}
