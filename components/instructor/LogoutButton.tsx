'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { FormError } from './FormError';
import { postJson } from './post-json';

/**
 * Log out of this browser, or (`everywhere`) end every login of this instructor: a laptop left
 * in a classroom, a copied cookie. A failed "everywhere" says so, since the instructor would
 * otherwise believe the other browsers were logged out.
 */
export function LogoutButton({ everywhere = false }: { everywhere?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<ErrorView | null>(null);
  const [busy, setBusy] = useState(false);
  const label = everywhere ? 'Log out everywhere' : 'Log out';
  return (
    <>
      <button type="button" disabled={busy} title={everywhere ? 'Ends your login in every browser and on every device, this one included' : undefined} onClick={async () => {
        setBusy(true);
        const r = await postJson('/api/instructor/logout', everywhere ? { everywhere: true } : {});
        setBusy(false);
        if (everywhere && !r.ok) { setError(r.error); return; }
        router.push(everywhere ? '/instructor/login?out=everywhere' : '/instructor/login');
        router.refresh();
      }}>{busy ? 'Logging out…' : label}</button>
      <FormError error={error} />
    </>
  );
}
