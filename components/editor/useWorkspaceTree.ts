'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { FileApiError, fileApi, type TreeEntry } from './files-client';

/**
 * The participant's workspace as a list of entries, kept fresh: the server's event stream
 * (/api/workspace/events) says what changed, whoever changed it (editor or shell), and the
 * tree is fetched again. `onChanged` listeners hear the changed paths (open files use it).
 */
export function useWorkspaceTree() {
  const [entries, setEntries] = useState<TreeEntry[]>([]);
  const [error, setError] = useState<ErrorView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const listeners = useRef(new Set<(paths: string[]) => void>());

  const refresh = useCallback(async () => {
    try {
      const tree = await fileApi.tree();
      setEntries(tree.entries);
      setError(null);
    } catch (err) {
      setError(err instanceof FileApiError ? err.view : { code: 'unavailable', message: 'Your files could not be listed.', hint: 'Check your connection; the list refreshes by itself.' });
    } finally {
      setLoaded(true);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const es = new EventSource('/api/workspace/events');
    es.onmessage = (m) => {
      const e = JSON.parse(m.data) as { type: string; paths?: string[] };
      if (e.type === 'ready') void refresh(); // (re)connected: anything may have changed meanwhile
      if (e.type === 'changed') {
        void refresh();
        listeners.current.forEach((l) => l(e.paths ?? []));
      }
    };
    return () => es.close();
  }, [refresh]);

  const onChanged = useCallback((l: (paths: string[]) => void) => {
    listeners.current.add(l);
    return () => { listeners.current.delete(l); };
  }, []);

  return { entries, error, loaded, refresh, onChanged };
}
