'use client';

import dynamic from 'next/dynamic';
import { useCallback, useState } from 'react';
import { isText } from '@/components/editor/files-client';
import { FileTree } from '@/components/editor/FileTree';
import { ancestors } from '@/components/editor/tree-model';
import { useMemberFiles, type ShownFile } from './use-member-files';

// Monaco is big: loaded when a files panel first opens, as the workbench loads its editor.
const ReadOnlyCode = dynamic(() => import('./ReadOnlyCode'), { ssr: false, loading: () => <p className="muted pad">Loading the viewer…</p> });
const NO_DIRTY = new Set<string>();

function Shown({ shown }: { shown: ShownFile | null }) {
  if (!shown) return <p className="muted pad" data-testid="files-empty">Pick a file on the left to read it.</p>;
  if (shown.error) return <div className="error banner" role="alert" data-testid="files-error"><strong>{shown.error.message}</strong> {shown.error.hint}</div>;
  const f = shown.file!;
  if (!isText(f)) return <p className="notice banner" role="status" data-testid="files-binary">{f.path} is not text ({f.size} bytes): it is not shown here.</p>;
  return <div className="files-code" data-testid="files-code"><ReadOnlyCode path={f.path} content={f.content} /></div>;
}

/** One member's files, read-only: their tree and the chosen file as saved on disk, read again on Refresh. */
export function MemberFiles({ workshopId, member, onClose }: { workshopId: string; member: { key: string; displayName: string }; onClose: () => void }) {
  const files = useMemberFiles(workshopId, member.key);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const toggle = useCallback((p: string) => setExpanded((s) => { const n = new Set(s); if (n.has(p)) n.delete(p); else n.add(p); return n; }), []);
  const open = (p: string) => { setExpanded((s) => new Set([...s, ...ancestors(p)])); void files.open(p); };
  return (
    <section className="files-panel" role="dialog" aria-label={`${member.displayName}'s files`} data-testid="files-panel">
      <header>
        <h2>{member.displayName}&apos;s files</h2>
        <span className="watch-mode">Read-only</span>
        {files.shown && <code className="files-path" data-testid="files-path">{files.shown.path}</code>}
        <span className="spacer" />
        {files.readAt && <span className="muted small" data-testid="files-read-at">Read at {new Date(files.readAt).toLocaleTimeString()}</span>}
        <button type="button" className="secondary" disabled={files.busy} onClick={() => void files.refresh()}>{files.busy ? 'Reading…' : 'Refresh'}</button>
        <button type="button" className="secondary" onClick={onClose}>Close</button>
      </header>
      <p className="watch-note" data-testid="files-note">
        Read-only: their files as saved on disk (what their editor has not saved yet is not here); nothing here can change them. Refresh to read them again.
      </p>
      <div className="files-body">
        <aside className="files-tree" aria-label="Files">
          {files.treeError && <p className="error pad" role="alert">{files.treeError.message} {files.treeError.hint}</p>}
          {files.truncated && <p className="muted small pad">Only the first entries are listed.</p>}
          {files.loaded && (
            <FileTree entries={files.entries} expanded={expanded} onToggle={toggle} selected={selected} onSelect={setSelected} onOpen={open} dirty={NO_DIRTY}
              label={`${member.displayName}'s files`} emptyText="No files yet: they have not saved or made any." />
          )}
        </aside>
        <Shown shown={files.shown} />
      </div>
    </section>
  );
}
