'use client';

import { useEffect, useState } from 'react';
import type { monaco as Monaco } from './monaco-slim';

/**
 * Monaco (~2.4 MB of script, ~0.5–2 s of CPU to evaluate on a small machine) as a chunk of its
 * own, apart from the editor's tree and tabs: the file tree is listed and the first file is
 * fetched while Monaco is still evaluating, instead of after it. The workbench starts this load
 * as its module runs when the browser last left the Editor tab open.
 */
let loaded: typeof Monaco | null = null;
let loading: Promise<typeof Monaco> | null = null;

export function loadMonaco(): Promise<typeof Monaco> {
  loading ??= import('./monaco-setup').then(
    (m) => (loaded = m.monaco),
    (err) => { loading = null; throw err; }, // a failed fetch (connection lost) is tried again next time
  );
  return loading;
}

/** Monaco if it has been evaluated, else null (nothing can have a model before it is). */
export const monacoNow = () => loaded;

/** Monaco once loaded (null until then, and the component renders again when it is). */
export function useMonaco(): typeof Monaco | null {
  const [m, setM] = useState(loaded);
  useEffect(() => {
    let live = true;
    if (!m) loadMonaco().then((x) => { if (live) setM(x); }, () => { /* shown by whoever opened a file */ });
    return () => { live = false; };
  }, [m]);
  return m;
}
