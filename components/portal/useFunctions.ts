'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { errorView, portalApi, type PortalFunction } from './portal-client';

/** How often the list is fetched while it is on screen. */
export const POLL_MS = 3000;

export type FunctionsState = { functions: PortalFunction[] | null; maxReplicas: number; error: ErrorView | null; updatedAt: number | null };

/**
 * The participant's functions, fetched every POLL_MS while `visible` and the browser tab is
 * shown (a hidden pane or tab asks nothing), and at once on refresh() after a change. Polling,
 * not a stream: the gateway's API has no change feed (OpenFaaS's own UI polls it every 5 s), so
 * a stream would only move the same polling into the server and hold a connection per tab.
 */
export function useFunctions(visible: boolean): FunctionsState & { refresh: () => void } {
  const [state, setState] = useState<FunctionsState>({ functions: null, maxReplicas: 5, error: null, updatedAt: null });
  const inFlight = useRef(false);
  const load = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const r = await portalApi.functions();
      setState({ functions: r.functions, maxReplicas: r.maxReplicas, error: null, updatedAt: Date.now() });
    } catch (err) {
      // keep the last list on screen: a passing failure should not blank the table
      setState((s) => ({ ...s, error: errorView(err) }));
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    if (!visible) return;
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const tick = async () => {
      if (document.visibilityState === 'visible') await load();
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    const onShow = () => { if (document.visibilityState === 'visible') void load(); };
    document.addEventListener('visibilitychange', onShow);
    return () => { stopped = true; clearTimeout(timer); document.removeEventListener('visibilitychange', onShow); };
  }, [visible, load]);

  return { ...state, refresh: () => void load() };
}
