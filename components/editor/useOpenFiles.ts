'use client';

import { useCallback, useRef, useState } from 'react';
import type { ErrorView } from '@/lib/errors';
import { fileApi, isText } from './files-client';
import { languageOf } from './language';
import { loadMonaco, monacoNow } from './monaco-loader';

/** What the editor knows of one open file. `conflict`: the file on disk is not the one this edit started from. */
export type OpenFile = {
  path: string;
  version: string | null; // on disk when loaded or last saved; null: not on disk (new, or deleted meanwhile)
  dirty: boolean;
  conflict: { content: string | null; version: string | null } | null;
  notice: string | null;
  error: ErrorView | null;
};

const uri = (m: NonNullable<ReturnType<typeof monacoNow>>, path: string) => m.Uri.from({ scheme: 'workspace', path: `/${path}` });
const modelOf = (path: string) => { const m = monacoNow(); return m ? m.editor.getModel(uri(m, path)) : null; };
const dirtyOf = (path: string, saved: Map<string, number>) => (modelOf(path)?.getAlternativeVersionId() ?? 0) !== saved.get(path);

/**
 * The files open in the editor: one Monaco model each (its undo history and cursor survive
 * tab switches), what is on disk, and what happens when the two disagree.
 */
export function useOpenFiles() {
  const [files, setFilesState] = useState<OpenFile[]>([]);
  // What is open, known at once: an action opens a file and saves it before React renders again.
  const filesRef = useRef(files);
  const setFiles = useCallback((change: (fs: OpenFile[]) => OpenFile[]) => {
    filesRef.current = change(filesRef.current);
    setFilesState(filesRef.current);
  }, []);
  const [active, setActive] = useState<string | null>(null);
  const saved = useRef(new Map<string, number>()); // path → model version id at the last load/save
  const patch = useCallback((path: string, p: Partial<OpenFile>) => setFiles((fs) => fs.map((f) => (f.path === path ? { ...f, ...p } : f))), [setFiles]);

  const markSaved = (path: string) => { saved.current.set(path, modelOf(path)?.getAlternativeVersionId() ?? 0); };

  /** Open a file (or show it, if open). Throws an Error with a message for the participant. */
  const open = useCallback(async (path: string): Promise<void> => {
    if (modelOf(path)) { setActive(path); return; }
    // The file is fetched while Monaco may still be loading.
    const [f, monaco] = await Promise.all([fileApi.read(path), loadMonaco()]);
    if (!isText(f)) throw new Error(`${path} is not text (${f.size} bytes); the editor only shows text. Look at it in the terminal, e.g. with: file ${path}`);
    if (!modelOf(path)) monaco.editor.createModel(f.content, languageOf(path), uri(monaco, path));
    markSaved(path);
    setFiles((fs) => (fs.some((x) => x.path === path) ? fs : [...fs, { path, version: f.version, dirty: false, conflict: null, notice: null, error: null }]));
    setActive(path);
  }, [setFiles]);

  /** Start a new file that is not on disk yet (saved with "must not exist"). */
  const create = useCallback(async (path: string, content = '') => {
    const monaco = await loadMonaco();
    if (!modelOf(path)) monaco.editor.createModel(content, languageOf(path), uri(monaco, path));
    saved.current.set(path, -1);
    setFiles((fs) => (fs.some((x) => x.path === path) ? fs : [...fs, { path, version: null, dirty: true, conflict: null, notice: null, error: null }]));
    setActive(path);
  }, [setFiles]);

  const noteEdit = useCallback((path: string) => patch(path, { dirty: dirtyOf(path, saved.current) }), [patch]);

  /** Save; on a conflict nothing is written and the file shows the choice (reload, keep mine, compare). */
  const save = useCallback(async (path: string, opts: { force?: boolean } = {}): Promise<boolean> => {
    const model = modelOf(path);
    const file = filesRef.current.find((f) => f.path === path);
    if (!model || !file) return false;
    const altId = model.getAlternativeVersionId();
    const res = await fileApi.save(path, model.getValue(), file.version, opts.force);
    if (!res.ok) {
      if (res.current !== undefined) patch(path, { conflict: { content: res.current?.content ?? null, version: res.current?.version ?? null }, error: null });
      else patch(path, { error: res.error });
      return false;
    }
    saved.current.set(path, altId);
    patch(path, { version: res.version, dirty: model.getAlternativeVersionId() !== altId, conflict: null, error: null, notice: null });
    return true;
  }, [patch]);

  /** Take what is on disk, dropping this edit (it stays in undo history). */
  const reload = useCallback(async (path: string) => {
    const model = modelOf(path);
    if (!model) return;
    try {
      const f = await fileApi.read(path);
      if (!isText(f)) throw new Error(`${path} is no longer text.`);
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: f.content }], () => null);
      markSaved(path);
      patch(path, { version: f.version, dirty: false, conflict: null, notice: null, error: null });
    } catch (err) {
      patch(path, { error: { code: 'not_found', message: err instanceof Error ? err.message : String(err) } });
    }
  }, [patch]);

  /** The file changed on disk: a clean copy follows it; an edited one is asked about. */
  const changedOnDisk = useCallback(async (path: string) => {
    const file = filesRef.current.find((f) => f.path === path);
    if (!file) return;
    const disk = await fileApi.read(path).catch(() => null);
    const version = disk ? disk.version : null;
    if (version === file.version) return;
    if (!file.dirty && disk && isText(disk)) {
      const model = modelOf(path);
      model?.pushEditOperations([], [{ range: model.getFullModelRange(), text: disk.content }], () => null);
      markSaved(path);
      patch(path, { version, notice: 'Reloaded: the file changed on disk (you had no unsaved changes).' });
    } else {
      patch(path, { conflict: { content: disk && isText(disk) ? disk.content : null, version } });
    }
  }, [patch]);

  const close = useCallback((path: string) => {
    modelOf(path)?.dispose();
    saved.current.delete(path);
    const rest = filesRef.current.filter((f) => f.path !== path);
    setFiles(() => rest);
    setActive((a) => (a === path ? rest.at(-1)?.path ?? null : a));
  }, [setFiles]);

  return { files, active, setActive, open, create, save, reload, changedOnDisk, close, noteEdit, patch, modelOf };
}
