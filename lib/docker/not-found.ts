/** "Not found" is a value: resolve to null on a 404 from the engine; every other error propagates. */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/**
 * A 404; or the 500 "unrecognized image ID" dockerd gives for an image removed between our
 * listing and our removal (seen when several sandboxes' images go at once: an image's removal
 * takes its untagged parents with it).
 */
export function isNotFound(err: unknown): boolean {
  const e = err as { statusCode?: number; json?: { message?: string } } | null;
  return e?.statusCode === 404 || (e?.statusCode === 500 && /^unrecognized image ID /.test(e.json?.message ?? ''));
}

export function isConflict(err: unknown): boolean {
  return (err as { statusCode?: number } | null)?.statusCode === 409;
}
