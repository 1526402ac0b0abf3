'use client';

import { useState } from 'react';
import type { Instructor } from '@/lib/instructor/accounts';
import type { ErrorView } from '@/lib/errors';
import { FormError } from './FormError';
import { postJson } from './post-json';

/** A logged-in instructor gives a colleague an account (they log in with the password chosen here). */
export function AddInstructorForm() {
  const [error, setError] = useState<ErrorView | null>(null);
  const [added, setAdded] = useState<Instructor | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form className="card form" method="post" aria-labelledby="add-instructor" onSubmit={async (e) => {
      e.preventDefault();
      const form = e.currentTarget;
      const data = new FormData(form);
      setBusy(true);
      const r = await postJson<{ instructor: Instructor }>('/api/instructor/instructors', { name: data.get('name'), email: data.get('email'), password: data.get('password') });
      setBusy(false);
      if (r.ok) { setAdded(r.value.instructor); setError(null); form.reset(); } else { setError(r.error); setAdded(null); }
    }}>
      <h2 id="add-instructor">Add an instructor</h2>
      <p className="muted">A colleague who runs sessions of their own. Each instructor sees only their own sessions.</p>
      <label>Name <input name="name" required maxLength={80} autoComplete="off" /></label>
      <label>Email <input name="email" type="email" required autoComplete="off" /></label>
      <label>First password <span className="muted">at least 10 characters; tell them, they log in with it</span>
        <input name="password" type="password" required minLength={10} autoComplete="new-password" />
      </label>
      <FormError error={error} />
      {added && <p className="form-ok" role="status">{added.name} ({added.email}) can now log in at /instructor/login.</p>}
      <button type="submit" disabled={busy}>{busy ? 'Adding…' : 'Add instructor'}</button>
    </form>
  );
}
