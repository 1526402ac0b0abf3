'use client';

import { useEffect, useState } from 'react';
import { fileApi, isText, type TreeEntry } from './files-client';
import { functionsOfStack, type StackFunction } from './stack-functions';

const MAX_STACK_FILES = 30;
const isCandidate = (e: TreeEntry) => e.type === 'file' && /\.ya?ml$/.test(e.path) && e.size < 64 * 1024
  && e.path.split('/').length <= 4 && !e.path.split('/').some((p) => p.startsWith('.') || p === 'template');

/** Every function named by a stack file in the workspace (read again whenever the tree changes). */
export function useStackFunctions(entries: TreeEntry[], onChanged: (l: (paths: string[]) => void) => () => void): StackFunction[] {
  const [fns, setFns] = useState<StackFunction[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => onChanged(() => setTick((t) => t + 1)), [onChanged]);
  useEffect(() => {
    let cancelled = false;
    const candidates = entries.filter(isCandidate).slice(0, MAX_STACK_FILES);
    void Promise.all(candidates.map(async (e) => {
      const f = await fileApi.read(e.path).catch(() => null);
      return f && isText(f) ? functionsOfStack(e.path, f.content) : [];
    })).then((all) => { if (!cancelled) setFns(all.flat()); });
    return () => { cancelled = true; };
  }, [entries, tick]);
  return fns;
}
