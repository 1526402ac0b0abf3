'use client';

import { useCallback, useEffect, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import type { Roster } from '@/lib/room/load';

/** How often the room's page asks for the roster while it is on screen. */
export const POLL_MS = 3000;

/**
 * The roster, polled. Polling rather than server-sent events: the roster is computed from
 * SQLite, which has no change feed, so an event stream would poll the database on the server
 * anyway and hold a connection per instructor tab; a 40-row JSON every 3 s is a few KB, survives
 * proxies and sleeping laptops without reconnect logic, and pauses while the tab is hidden.
 */
export function useRoster(initial: Roster) {
  const [roster, setRoster] = useState(initial);
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const [problem, setProblem] = useState<ErrorView | null>(null);

  const refresh = useCallback(async () => {
    try {
      const res = await fetch(`/api/instructor/workshops/${initial.workshop.id}/roster`, { cache: 'no-store' });
      const body = await res.json().catch(() => null);
      if (!res.ok) { setProblem(body?.error ?? { code: 'internal', message: `The server answered ${res.status}.` }); return; }
      setRoster(body as Roster);
      setReceivedAt(Date.now());
      setProblem(null);
    } catch {
      setProblem({ code: 'unavailable', message: 'The server cannot be reached; the roster is not up to date.', hint: 'It retries every few seconds.' });
    }
  }, [initial.workshop.id]);

  useEffect(() => {
    const poll = setInterval(() => { if (!document.hidden) void refresh(); }, POLL_MS);
    const onShow = () => { if (!document.hidden) void refresh(); };
    document.addEventListener('visibilitychange', onShow);
    return () => { clearInterval(poll); document.removeEventListener('visibilitychange', onShow); };
  }, [refresh]);

  return { roster, receivedAt, problem, refresh };
}
