'use client';

import { useState, type FormEvent } from 'react';
import { FileApiError, fileApi, type TreeEntry } from './files-client';

type Mode = { kind: 'file' | 'folder' | 'rename'; base: string } | { kind: 'delete'; path: string } | null;
type Props = {
  selected: string | null;
  entries: TreeEntry[];
  onCreated: (path: string, isDir: boolean) => void;
  onRenamed: (from: string, to: string) => void;
  onDeleted: (path: string) => void;
};

const parentOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** New file, New folder, Rename and Delete, on the selected entry (or its folder), with a small inline form. */
export function TreeToolbar({ selected, entries, onCreated, onRenamed, onDeleted }: Props) {
  const [mode, setMode] = useState<Mode>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const sel = entries.find((e) => e.path === selected);
  const folder = sel ? (sel.type === 'dir' ? sel.path : parentOf(sel.path)) : '';
  const start = (m: Mode, initial = '') => { setMode(m); setName(initial); setError(null); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!mode) return;
    try {
      if (mode.kind === 'delete') { await fileApi.remove(mode.path); onDeleted(mode.path); }
      else {
        const target = [mode.kind === 'rename' ? parentOf(mode.base) : mode.base, name.trim()].filter(Boolean).join('/');
        if (mode.kind === 'folder') { await fileApi.mkdir(target); onCreated(target, true); }
        if (mode.kind === 'file') onCreated(target, false);
        if (mode.kind === 'rename') { await fileApi.rename(mode.base, target); onRenamed(mode.base, target); }
      }
      setMode(null);
    } catch (err) {
      setError(err instanceof FileApiError ? `${err.view.message}${err.view.hint ? ` ${err.view.hint}` : ''}` : String(err));
    }
  };

  return (
    <div className="tree-toolbar">
      <div className="buttons">
        <button type="button" onClick={() => start({ kind: 'file', base: folder })} title={`New file in ${folder || 'your home folder'}`}>New file</button>
        <button type="button" onClick={() => start({ kind: 'folder', base: folder })} title={`New folder in ${folder || 'your home folder'}`}>New folder</button>
        <button type="button" disabled={!sel} onClick={() => sel && start({ kind: 'rename', base: sel.path }, sel.path.split('/').pop())}>Rename</button>
        <button type="button" disabled={!sel} onClick={() => sel && start({ kind: 'delete', path: sel.path })}>Delete</button>
      </div>
      {mode && (
        <form onSubmit={submit} className="inline-form" onKeyDown={(e) => { if (e.key === 'Escape') setMode(null); }}>
          {mode.kind === 'delete'
            ? <span>Delete <code>{mode.path}</code>{entries.find((x) => x.path === mode.path)?.type === 'dir' ? ' and everything in it' : ''}?</span>
            : <label>{mode.kind === 'rename' ? `Rename ${mode.base} to` : `New ${mode.kind} in ${mode.base || '~'}:`} <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="Name" /></label>}
          <button type="submit">{mode.kind === 'delete' ? 'Delete' : 'OK'}</button>
          <button type="button" className="secondary" onClick={() => setMode(null)}>Cancel</button>
          {error && <p className="error" role="alert">{error}</p>}
        </form>
      )}
    </div>
  );
}
