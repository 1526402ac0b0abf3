'use client';

import type { ErrorView } from '@/lib/errors';

/** An error as the portal shows it: what went wrong, then what to do. */
export function ErrorBox({ error, onClose }: { error: ErrorView; onClose?: () => void }) {
  return (
    <div className="portal-error" role="alert">
      <p><strong>{error.message}</strong>{error.hint && <><br /><span>{error.hint}</span></>}</p>
      {onClose && <button type="button" className="link" onClick={onClose} aria-label="Dismiss">×</button>}
    </div>
  );
}
