'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { DashboardData } from '@/lib/metrics/dashboard';

export type ErrorView = { message: string; hint?: string };
export type DashboardState = { data: DashboardData | null; error: ErrorView | null; updatedAt: number | null };

/** Every 5 s: Prometheus scrapes every 15 s, so a new point is never more than 5 s late on screen. */
export const POLL_MS = 5000;

/**
 * The participant's dashboard data for a window, polled while the pane is on screen (the tab
 * stays mounted when hidden; a hidden tab or browser tab asks nothing). An error keeps the last
 * charts and is shown above them until an answer comes back.
 */
export function useDashboard(windowMinutes: number, pane: RefObject<HTMLElement | null>): DashboardState {
  const [state, setState] = useState<DashboardState>({ data: null, error: null, updatedAt: null });
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    inFlight.current?.abort();
    const ac = (inFlight.current = new AbortController());
    try {
      const res = await fetch(`/api/metrics?window=${windowMinutes}`, { signal: ac.signal, cache: 'no-store' });
      const body = await res.json().catch(() => null);
      if (!res.ok || !body || body.error) {
        const error: ErrorView = body?.error ?? { message: `The dashboard's data did not come (HTTP ${res.status}).`, hint: 'The charts try again in a few seconds.' };
        setState((s) => ({ ...s, error }));
      } else setState({ data: body as DashboardData, error: null, updatedAt: Date.now() });
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setState((s) => ({ ...s, error: { message: 'The web app did not answer.', hint: 'Check that the platform is still running; the charts try again in a few seconds.' } }));
    }
  }, [windowMinutes]);

  useEffect(() => {
    const onScreen = () => document.visibilityState === 'visible' && !!pane.current?.offsetParent;
    void load();
    const timer = setInterval(() => { if (onScreen()) void load(); }, POLL_MS);
    // Back on screen (tab shown again): fresh data at once rather than up to 5 s later.
    const seen = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) void load(); });
    if (pane.current) seen.observe(pane.current);
    return () => { clearInterval(timer); seen.disconnect(); inFlight.current?.abort(); };
  }, [load, pane]);

  return state;
}
