import type { ErrorView } from '@/lib/errors';

/** A form's error: what went wrong, then what to do about it. */
export function FormError({ error }: { error: ErrorView | null }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      <strong>{error.message}</strong>
      {error.hint && <><br />{error.hint}</>}
    </p>
  );
}
