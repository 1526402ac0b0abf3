'use client';

import { useMemo, useState, type KeyboardEvent } from 'react';
import type { TreeEntry } from './files-client';
import { buildTree, type TreeNode } from './tree-model';

type Props = {
  entries: TreeEntry[];
  expanded: Set<string>;
  onToggle: (path: string) => void;
  selected: string | null;
  onSelect: (path: string) => void;
  onOpen: (path: string) => void;
  dirty: Set<string>;
  /** Whose files (the instructor's read-only view reuses the tree). */
  label?: string;
  emptyText?: string;
};

/** The workspace as a tree: folders fold, files open on click or Enter; F2 renames, Delete deletes (via the toolbar). */
export function FileTree({ entries, expanded, onToggle, selected, onSelect, onOpen, dirty, label = 'Your files', emptyText = 'No files yet. Make one with “New file”, or in the terminal.' }: Props) {
  const [showHidden, setShowHidden] = useState(false);
  const tree = useMemo(() => buildTree(entries, showHidden), [entries, showHidden]);
  const activate = (n: TreeNode) => { onSelect(n.path); if (n.type === 'dir') onToggle(n.path); else if (n.type === 'file') onOpen(n.path); };
  const key = (e: KeyboardEvent, n: TreeNode) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); activate(n); }
    if (e.key === 'ArrowRight' && n.type === 'dir' && !expanded.has(n.path)) onToggle(n.path);
    if (e.key === 'ArrowLeft' && n.type === 'dir' && expanded.has(n.path)) onToggle(n.path);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const items = [...(e.currentTarget.closest('[role=tree]')?.querySelectorAll<HTMLElement>('[role=treeitem]') ?? [])];
      const i = items.indexOf(e.currentTarget as HTMLElement);
      items[i + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };
  const render = (nodes: TreeNode[], depth: number) => nodes.map((n) => (
    <li key={n.path} role="none">
      <div
        role="treeitem"
        tabIndex={n.path === selected || (!selected && depth === 0 && n === tree[0]) ? 0 : -1}
        aria-selected={n.path === selected}
        aria-expanded={n.type === 'dir' ? expanded.has(n.path) : undefined}
        data-path={n.path}
        className={`node ${n.type}`}
        style={{ paddingLeft: `${0.4 + depth * 0.9}rem` }}
        onClick={() => activate(n)}
        onKeyDown={(e) => key(e, n)}
        title={n.type === 'symlink' ? `${n.path} is a symbolic link: the editor does not follow links` : n.path}
      >
        <span className="icon" aria-hidden>{n.type === 'dir' ? (expanded.has(n.path) ? '▾' : '▸') : n.type === 'symlink' ? '↪' : '·'}</span>
        {n.name}{dirty.has(n.path) && <span className="dirty" aria-label="unsaved changes"> ●</span>}
      </div>
      {n.type === 'dir' && expanded.has(n.path) && n.children.length > 0 && <ul role="group">{render(n.children, depth + 1)}</ul>}
    </li>
  ));
  return (
    <div className="file-tree">
      <ul role="tree" aria-label={label}>{render(tree, 0)}</ul>
      {tree.length === 0 && <p className="muted empty">{emptyText}</p>}
      <label className="hidden-toggle"><input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> Show hidden files</label>
    </div>
  );
}
