'use client';

import { useEffect, useState } from 'react';

const format = (ms: number) => new Date(ms).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/**
 * A time in the reader's own time zone. The server does not know it, so its first drawing says
 * UTC and the browser redraws it once mounted (the same text twice would make a hydration mismatch).
 */
export function LocalTime({ ms }: { ms: number }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => setLocal(format(ms)), [ms]);
  return <time dateTime={new Date(ms).toISOString()}>{local ?? `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`}</time>;
}
