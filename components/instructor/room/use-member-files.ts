'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OpenedFile, TreeEntry } from '@/components/editor/files-client';
import type { ErrorView } from '@/lib/errors';
import { memberApi } from './member-api';

export type ShownFile = { path: string; file: OpenedFile | null; error: ErrorView | null };

/**
 * A member's files as the instructor's read-only panel shows them: the tree, and the one file
 * chosen, both read when asked (opening, choosing, Refresh) rather than followed live: the
 * instructor looks at a moment's state, and `readAt` says which moment.
 */
export function useMemberFiles(workshopId: string, memberKey: string) {
  const api = useMemo(() => memberApi(workshopId, memberKey), [workshopId, memberKey]);
  const [entries, setEntries] = useState<TreeEntry[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [treeError, setTreeError] = useState<ErrorView | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [shown, setShown] = useState<ShownFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [readAt, setReadAt] = useState<number | null>(null);
  const shownPath = useRef<string | null>(null);

  const loadTree = useCallback(async () => {
    const r = await api.tree();
    if (r.ok) { setEntries(r.value.entries); setTruncated(r.value.truncated); setTreeError(null); } else setTreeError(r.error);
    setLoaded(true);
  }, [api]);

  const open = useCallback(async (path: string) => {
    shownPath.current = path;
    const r = await api.file(path);
    if (shownPath.current !== path) return; // another file was chosen meanwhile
    setShown(r.ok ? { path, file: r.value, error: null } : { path, file: null, error: r.error });
    setReadAt(Date.now());
  }, [api]);

  const refresh = useCallback(async () => {
    setBusy(true);
    await Promise.all([loadTree(), shownPath.current ? open(shownPath.current) : null]);
    setReadAt(Date.now());
    setBusy(false);
  }, [loadTree, open]);

  useEffect(() => { void refresh(); }, [refresh]);

  return { entries, truncated, treeError, loaded, shown, open, refresh, busy, readAt };
}
