'use client';

import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import type { OpenTerminal } from '@/components/terminal/open-terminal';
import { loadMonaco } from '@/components/editor/monaco-loader';
import { preloadXterm } from '@/components/terminal/TerminalView';
import type { WorkbenchTab } from '@/lib/lessons/action-types';
import { runAction } from './run-action';
import { registerWorkbench } from './bus';
import { whenEditor } from './editor-bridge';
import { TerminalsPane } from './TerminalsPane';
import { useNarrow } from './useNarrow';
import { usePersistentState } from './usePersistentState';

// The editor (tree, tabs) and Monaco are chunks of their own, fetched together when the Editor tab
// first opens, so the tree lists the files while Monaco evaluates. As this module runs (before
// React has hydrated the page) the tab this browser left open starts loading: the editor, or
// xterm (not both at once: on a small machine each needs the CPU first).
const loadEditor = () => {
  loadMonaco().catch(() => { /* the editor tries again, and says so, when a file is opened */ });
  return import('@/components/editor/EditorPane');
};
const EditorPane = dynamic(loadEditor, { ssr: false, loading: () => <p className="muted pad">Loading the editor…</p> });
const PortalPane = dynamic(() => import('@/components/portal/PortalPane'), { ssr: false, loading: () => <p className="muted pad">Loading the portal…</p> });
const DashboardPane = dynamic(() => import('@/components/dashboard/DashboardPane'), { ssr: false, loading: () => <p className="muted pad">Loading the dashboard…</p> });

const TABS: { id: WorkbenchTab; label: string; key: string }[] = [
  { id: 'editor', label: 'Editor', key: 'E' },
  { id: 'terminal', label: 'Terminal', key: 'T' },
  { id: 'portal', label: 'Portal', key: 'P' },
  { id: 'dashboard', label: 'Dashboard', key: 'D' },
];
const isTab = (v: unknown): v is WorkbenchTab => TABS.some((t) => t.id === v);
const isNames = (v: unknown): v is string[] => Array.isArray(v) && v.includes('1') && v.every((n) => typeof n === 'string' && /^[1-8]$/.test(n));
// The server renders without localStorage: it has no saved layout to give.
const browserStorage = {
  getItem: (k: string) => (typeof window === 'undefined' ? null : localStorage.getItem(k)),
  setItem: (k: string, v: string) => { if (typeof window !== 'undefined') localStorage.setItem(k, v); },
};
const isName = (v: unknown): v is string => typeof v === 'string' && /^[1-8]$/.test(v);
const TAB_KEY = 'faaslab.tab';
if (typeof window !== 'undefined') {
  let stored: unknown = null;
  try { stored = JSON.parse(localStorage.getItem(TAB_KEY) ?? 'null'); } catch { /* nothing stored */ }
  if (stored === 'editor') void loadEditor(); else preloadXterm();
}

/**
 * Every lesson page: the lesson on one side, the workbench on the other (Editor, Terminal),
 * side by side or stacked on a narrow screen, resizable and collapsible. Sizes, the open tab
 * and the terminals are remembered in this browser. Lesson actions arrive through bus.ts.
 */
export function Workbench({ children }: { children: ReactNode }) {
  const narrow = useNarrow();
  const layout = useDefaultLayout({ id: narrow ? 'faaslab-stacked' : 'faaslab-side', storage: browserStorage });
  const lessonPanel = usePanelRef();
  const benchPanel = usePanelRef();
  const [collapsed, setCollapsed] = useState({ lesson: false, bench: false });
  const [tab, setTab, tabLoaded] = usePersistentState<WorkbenchTab>(TAB_KEY, 'terminal', isTab);
  const [editorLoaded, setEditorLoaded] = useState(false);
  // Portal and Dashboard mount when first opened and stay mounted (their live updates keep state).
  const [opened, setOpened] = useState<Set<WorkbenchTab>>(new Set());
  const [names, setNames] = usePersistentState<string[]>('faaslab.terminals', ['1'], isNames);
  const [activeTerm, setActiveTerm] = usePersistentState<string>('faaslab.terminal', '1', isName);
  const terms = useRef(new Map<string, OpenTerminal>());
  const termWaiters = useRef(new Map<string, ((t: OpenTerminal) => void)[]>());

  useEffect(() => {
    if (tab === 'editor') setEditorLoaded(true);
    setOpened((o) => (o.has(tab) ? o : new Set(o).add(tab)));
  }, [tab]);
  const show = useCallback((t: WorkbenchTab) => {
    setTab(t);
    if (benchPanel.current?.isCollapsed()) benchPanel.current.expand();
  }, [setTab, benchPanel]);

  const onTerminalOpen = useCallback((name: string, t: OpenTerminal | null) => {
    if (!t) { terms.current.delete(name); return; }
    terms.current.set(name, t);
    termWaiters.current.get(name)?.forEach((w) => w(t));
    termWaiters.current.delete(name);
  }, []);
  /** Terminal `name`, shown (made if needed), once its xterm is open. */
  const terminal = useCallback((name: string): Promise<OpenTerminal> => {
    show('terminal');
    setNames((ns) => (ns.includes(name) ? ns : [...ns, name].sort()));
    setActiveTerm(name);
    const t = terms.current.get(name);
    if (t) return Promise.resolve(t);
    return new Promise((resolve) => termWaiters.current.set(name, [...(termWaiters.current.get(name) ?? []), resolve]));
  }, [show, setNames, setActiveTerm]);

  const addTerminal = () => { const free = ['1', '2', '3', '4', '5', '6', '7', '8'].find((n) => !names.includes(n)); if (free) void terminal(free).then((t) => t.focus()); };
  const closeTerminal = (name: string) => {
    setNames((ns) => ns.filter((n) => n !== name));
    if (activeTerm === name) setActiveTerm('1');
    void fetch(`/api/terminals/${name}`, { method: 'DELETE' });
  };

  const openEditor = useCallback(() => { show('editor'); return whenEditor(); }, [show]);
  useEffect(() => registerWorkbench((a) => runAction(a, { terminal, openEditor, show: (t) => { if (!isTab(t)) return false; show(t); return true; } })), [terminal, openEditor, show]);

  // Keyboard: Alt+Shift+L / E / T / P / D move the focus to the lesson, the editor, the terminal, the portal, the dashboard (xterm and Monaco keep Tab for themselves).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyL') { e.preventDefault(); if (lessonPanel.current?.isCollapsed()) lessonPanel.current.expand(); document.getElementById('lesson-pane')?.focus(); }
      if (e.code === 'KeyE') { e.preventDefault(); void openEditor().then((ed) => ed.focus()); }
      if (e.code === 'KeyT') { e.preventDefault(); void terminal(activeTerm).then((t) => t.focus()); }
      if (e.code === 'KeyP') { e.preventDefault(); show('portal'); }
      if (e.code === 'KeyD') { e.preventDefault(); show('dashboard'); }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openEditor, terminal, activeTerm, lessonPanel, show]);

  const toggle = (which: 'lesson' | 'bench') => {
    const p = (which === 'lesson' ? lessonPanel : benchPanel).current;
    if (p?.isCollapsed()) p.expand(); else p?.collapse();
  };

  return (
    <div className={`workbench-root ${narrow ? 'stacked' : 'side'}`}>
      <Group orientation={narrow ? 'vertical' : 'horizontal'} defaultLayout={layout.defaultLayout}
        onLayoutChanged={(l, meta) => { layout.onLayoutChanged?.(l, meta); setCollapsed({ lesson: !!lessonPanel.current?.isCollapsed(), bench: !!benchPanel.current?.isCollapsed() }); }}>
        <Panel id="lesson" panelRef={lessonPanel} defaultSize="45%" minSize="20%" collapsible>
          <div id="lesson-pane" className="lesson-pane" tabIndex={-1} aria-label="Lesson">
            {collapsed.bench && <button type="button" className="show-bench" onClick={() => toggle('bench')}>Show workbench</button>}
            {children}
          </div>
        </Panel>
        <Separator className="splitter" aria-label="Resize the lesson and the workbench" />
        <Panel id="workbench" panelRef={benchPanel} defaultSize="55%" minSize="25%" collapsible>
          <section className="bench" aria-label="Workbench">
            <div className="bench-bar">
              <button type="button" className="pane-toggle" onClick={() => toggle('lesson')} title="Alt+Shift+L focuses the lesson">{collapsed.lesson ? 'Show lesson' : 'Hide lesson'}</button>
              <div role="tablist" aria-label="Workbench">
                {TABS.map((t) => (
                  <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => show(t.id)} title={`Alt+Shift+${t.key}`}>{t.label}</button>
                ))}
              </div>
              <button type="button" className="pane-toggle" onClick={() => toggle('bench')}>Hide workbench</button>
            </div>
            <div className="bench-body">
              <div role="tabpanel" aria-label="Editor" hidden={tab !== 'editor'} className="tabpanel">{editorLoaded && <EditorPane />}</div>
              <div role="tabpanel" aria-label="Terminal" hidden={tab !== 'terminal'} className="tabpanel">
                <TerminalsPane names={names} visible={tabLoaded && tab === 'terminal'} active={names.includes(activeTerm) ? activeTerm : '1'} onSelect={(n) => { setActiveTerm(n); terms.current.get(n)?.focus(); }} onAdd={addTerminal} onClose={closeTerminal} onOpen={onTerminalOpen} />
              </div>
              <div role="tabpanel" aria-label="Portal" hidden={tab !== 'portal'} className="tabpanel">{opened.has('portal') && <PortalPane />}</div>
              <div role="tabpanel" aria-label="Dashboard" hidden={tab !== 'dashboard'} className="tabpanel">{opened.has('dashboard') && <DashboardPane />}</div>
            </div>
          </section>
        </Panel>
      </Group>
    </div>
  );
}
