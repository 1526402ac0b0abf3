'use client';

import { useCallback, useEffect, useState } from 'react';

/**
 * State kept in this browser's localStorage under `key` (the participant is this browser: their
 * cookie lives here too). The first render uses `initial` (as the server did), then the stored
 * value; `loaded` says the stored value has been read (false only in that first render).
 */
export function usePersistentState<T>(key: string, initial: T, valid: (v: unknown) => v is T): [T, (v: T | ((old: T) => T)) => void, boolean] {
  const [value, setValue] = useState<T>(initial);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    try {
      const raw = localStorage.getItem(key);
      if (raw !== null) { const v: unknown = JSON.parse(raw); if (valid(v)) setValue(v); }
    } catch { /* unreadable: keep the default */ }
    setLoaded(true);
  }, [key, valid]);
  const set = useCallback((v: T | ((old: T) => T)) => {
    setValue((old) => {
      const next = typeof v === 'function' ? (v as (o: T) => T)(old) : v;
      try { localStorage.setItem(key, JSON.stringify(next)); } catch { /* storage full or off: still works for this page */ }
      return next;
    });
  }, [key]);
  return [value, set, loaded];
}
