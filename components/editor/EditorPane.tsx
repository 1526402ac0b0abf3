'use client';

import Editor from '@monaco-editor/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { provideEditor, type EditorApi } from '@/components/workbench/editor-bridge';
import { usePersistentState } from '@/components/workbench/usePersistentState';
import type { monaco as Monaco } from './monaco-slim';
import { useMonaco } from './monaco-loader';
import { ConflictBar } from './ConflictBar';
import { FileApiError } from './files-client';
import { FileTree } from './FileTree';
import { FunctionBar } from './FunctionBar';
import { TreeToolbar } from './TreeToolbar';
import { ancestors } from './tree-model';
import { useOpenFiles } from './useOpenFiles';
import { useStackFunctions } from './useStackFunctions';
import { useWorkspaceTree } from './useWorkspaceTree';
import { functionOfFile } from './stack-functions';

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const HIGHLIGHT_MS = 2500;
const range = (startLineNumber: number, startColumn: number, endLineNumber: number, endColumn: number): Monaco.IRange => ({ startLineNumber, startColumn, endLineNumber, endColumn });

/** The Editor tab: the participant's files as a tree, open files as tabs in Monaco, Save, and Deploy/Invoke on function folders. */
export default function EditorPane() {
  const monaco = useMonaco();
  const tree = useWorkspaceTree();
  const files = useOpenFiles();
  const fns = useStackFunctions(tree.entries, tree.onChanged);
  const [expandedList, setExpandedList] = usePersistentState<string[]>('faaslab.editor.expanded', [], isStrings);
  const expanded = useMemo(() => new Set(expandedList), [expandedList]);
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const { files: open, active } = files;
  const activeFile = open.find((f) => f.path === active) ?? null;
  const fn = active ? functionOfFile(active, fns) : undefined;

  const toggle = useCallback((p: string) => setExpandedList((l) => (l.includes(p) ? l.filter((x) => x !== p) : [...l, p])), [setExpandedList]);
  const reveal = useCallback((p: string) => setExpandedList((l) => [...new Set([...l, ...ancestors(p)])]), [setExpandedList]);
  const openPath = useCallback(async (p: string) => {
    try { await files.open(p); reveal(p); setSelected(p); setProblem(null); } catch (err) { setProblem((err as Error).message); throw err; }
  }, [files, reveal]);

  // Show the active file's model; Monaco keeps each file's undo history and cursor in its model.
  useEffect(() => {
    const ed = editorRef.current;
    const model = active ? files.modelOf(active) : null;
    if (ed && model && ed.getModel() !== model) ed.setModel(model);
  }, [active, files]);

  // Files changed on disk (the shell, another tab): follow them or ask.
  useEffect(() => tree.onChanged((paths) => {
    for (const f of open) if (paths.some((p) => f.path === p || f.path.startsWith(`${p}/`))) void files.changedOnDisk(f.path);
  }), [tree, open, files]);

  const saveActive = useCallback(async () => { if (active) await files.save(active); }, [active, files]);
  const saveAll = useCallback(async () => {
    const results = await Promise.all(open.filter((f) => f.dirty).map((f) => files.save(f.path)));
    return results.every(Boolean);
  }, [open, files]);

  const highlight = (path: string, range: Monaco.IRange) => {
    const ed = editorRef.current;
    if (!ed || ed.getModel() !== files.modelOf(path)) return;
    ed.revealRangeInCenter(range);
    const ids = ed.deltaDecorations([], [{ range, options: { isWholeLine: true, className: 'action-highlight' } }]);
    setTimeout(() => ed.deltaDecorations(ids, []), HIGHLIGHT_MS);
  };
  const edit = async (path: string, change: (model: Monaco.editor.ITextModel) => Monaco.IRange) => {
    // Asked of the disk, not the tree: the tree may not have heard yet of a file the shell just made.
    try { await openPath(path); } catch (err) {
      if (!(err instanceof FileApiError && err.status === 404)) throw err;
      setProblem(null);
      await files.create(path);
      reveal(path);
    }
    const model = files.modelOf(path)!;
    const range = change(model);
    files.noteEdit(path);
    setTimeout(() => highlight(path, range), 50);
    if (!(await files.save(path))) throw new Error(`${path} is changed in the editor but not saved: see the message above the file.`);
    return 'saved';
  };

  const api: EditorApi = {
    openFile: async (path, line) => {
      await openPath(path);
      if (line) setTimeout(() => { editorRef.current?.setPosition({ lineNumber: line, column: 1 }); highlight(path, range(line, 1, line, 1)); }, 50);
      return `Opened ${path}${line ? ` at line ${line}` : ''}`;
    },
    writeFile: (path, content) => edit(path, (m) => {
      m.pushEditOperations([], [{ range: m.getFullModelRange(), text: content }], () => null);
      return m.getFullModelRange();
    }).then((s) => `Wrote ${path}: ${s}`),
    appendLines: (path, content) => edit(path, (m) => {
      const last = m.getLineCount();
      const end = m.getLineMaxColumn(last);
      const prefix = m.getValueLength() > 0 && m.getLineContent(last) !== '' ? '\n' : '';
      const text = prefix + (content.endsWith('\n') ? content : `${content}\n`);
      m.pushEditOperations([], [{ range: range(last, end, last, end), text }], () => null);
      return range(last + (prefix ? 1 : 0), 1, m.getLineCount() - 1, 1);
    }).then((s) => `Added ${content.trimEnd().split('\n').length} line(s) to ${path}: ${s}`),
    replace: async (path, match, content) => {
      await openPath(path);
      const m = files.modelOf(path)!;
      const found = m.findMatches(match, false, false, true, null, false)[0];
      if (!found) throw new Error(`"${match}" is not in ${path} (any more?): the change may already be made. Look at the file, or reset it from its step.`);
      return edit(path, (model) => {
        model.pushEditOperations([], [{ range: found.range, text: content }], () => null);
        const lines = content.split('\n').length;
        return range(found.range.startLineNumber, 1, found.range.startLineNumber + lines - 1, 1);
      }).then((s) => `Changed ${path}: ${s}`);
    },
    focus: () => editorRef.current?.focus(),
  };
  const apiRef = useRef(api);
  apiRef.current = api;
  useEffect(() => {
    provideEditor({
      openFile: (...a) => apiRef.current.openFile(...a), writeFile: (...a) => apiRef.current.writeFile(...a),
      appendLines: (...a) => apiRef.current.appendLines(...a), replace: (...a) => apiRef.current.replace(...a), focus: () => apiRef.current.focus(),
    });
    return () => provideEditor(null);
  }, []);

  const saveRef = useRef(saveActive);
  saveRef.current = saveActive;
  const dirty = useMemo(() => new Set(open.filter((f) => f.dirty).map((f) => f.path)), [open]);

  return (
    <div className="editor-pane" onKeyDown={(e) => { if ((e.ctrlKey || e.metaKey) && e.key === 's') { e.preventDefault(); void saveActive(); } }}>
      <aside className="files" aria-label="Files">
        <TreeToolbar selected={selected} entries={tree.entries} onCreated={(p, isDir) => { if (isDir) reveal(`${p}/x`); else { reveal(p); void files.create(p).then(() => files.save(p)); } }} onRenamed={(from) => { if (open.some((f) => f.path === from)) files.close(from); }} onDeleted={(p) => { for (const f of open) if (f.path === p || f.path.startsWith(`${p}/`)) files.close(f.path); setSelected(null); }} />
        {tree.error && <p className="error" role="alert">{tree.error.message} {tree.error.hint}</p>}
        <FileTree entries={tree.entries} expanded={expanded} onToggle={toggle} selected={selected} onSelect={setSelected} onOpen={(p) => { void openPath(p).catch(() => {}); }} dirty={dirty} />
      </aside>
      <section className="code" aria-label="Code">
        <div className="tabs" role="tablist" aria-label="Open files">
          {open.map((f) => (
            <div key={f.path} role="tab" aria-selected={f.path === active} className={`tab ${f.path === active ? 'active' : ''}`} title={f.path}>
              <button type="button" className="name" onClick={() => files.setActive(f.path)}>{f.path.split('/').pop()}{f.dirty && <span className="dirty" aria-label="unsaved changes"> ●</span>}</button>
              <button type="button" className="close" aria-label={`Close ${f.path}`} onClick={() => { if (!f.dirty || confirm(`${f.path} has unsaved changes. Close it anyway?`)) files.close(f.path); }}>×</button>
            </div>
          ))}
          <span className="spacer" />
          {activeFile && <button type="button" className="save" onClick={saveActive} disabled={!activeFile.dirty} title="Save (Ctrl+S / ⌘S)">Save</button>}
        </div>
        {problem && <div className="error banner" role="alert">{problem}</div>}
        {activeFile?.error && <div className="error banner" role="alert"><strong>{activeFile.error.message}</strong> {activeFile.error.hint}</div>}
        {activeFile?.notice && <div className="notice banner" role="status">{activeFile.notice}</div>}
        {activeFile?.conflict && (
          <ConflictBar path={activeFile.path} disk={activeFile.conflict.content} mine={() => files.modelOf(activeFile.path)?.getValue() ?? ''}
            onReload={() => void files.reload(activeFile.path)} onKeepMine={() => void files.save(activeFile.path, { force: true })} />
        )}
        {fn && <FunctionBar fn={fn} saveAll={saveAll} />}
        <div className="monaco" hidden={!activeFile}>
          {monaco && <Editor
            loading={<div className="muted pad">Loading the editor…</div>}
            options={{ minimap: { enabled: false }, fontSize: 14, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 4 }}
            onMount={(ed, monaco) => {
              editorRef.current = ed;
              const model = active ? files.modelOf(active) : null;
              if (model) ed.setModel(model);
              ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void saveRef.current());
              ed.onDidChangeModelContent(() => { const m = ed.getModel(); if (m) files.noteEdit(m.uri.path.slice(1)); });
            }}
          />}
        </div>
        {!activeFile && <div className="empty-editor muted"><p>Open a file from the tree on the left{open.length === 0 && tree.loaded && tree.entries.length === 0 ? ', or make one' : ''}.</p><p>Keys: Ctrl+S saves · Alt+Shift+L lesson · Alt+Shift+E editor · Alt+Shift+T terminal</p></div>}
      </section>
    </div>
  );
}
