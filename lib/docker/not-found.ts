/** "Not found" is a value: resolve to null on a 404 from the engine; every other error propagates. */
export async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number } | null)?.statusCode === 404;
}

export function isConflict(err: unknown): boolean {
  return (err as { statusCode?: number } | null)?.statusCode === 409;
}
