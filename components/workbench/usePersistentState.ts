'use client';

import { useCallback, useEffect, useState } from 'react';

/**
 * State kept in this browser's localStorage under `key` (the participant is this browser: their
 * cookie lives here too). The first render uses `initial` (as the server did), then the stored value.
 */
export function usePersistentState<T>(key: string, initial: T, valid: (v: unknown) => v is T): [T, (v: T | ((old: T) => T)) => void] {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    try {
      const raw = localStorage.getItem(key);
      if (raw !== null) { const v: unknown = JSON.parse(raw); if (valid(v)) setValue(v); }
    } catch { /* unreadable: keep the default */ }
  }, [key, valid]);
  const set = useCallback((v: T | ((old: T) => T)) => {
    setValue((old) => {
      const next = typeof v === 'function' ? (v as (o: T) => T)(old) : v;
      try { localStorage.setItem(key, JSON.stringify(next)); } catch { /* storage full or off: still works for this page */ }
      return next;
    });
  }, [key]);
  return [value, set];
}
