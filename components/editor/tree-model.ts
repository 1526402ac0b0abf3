import type { TreeEntry } from './files-client';

export type TreeNode = { name: string; path: string; type: TreeEntry['type']; children: TreeNode[] };

/** The flat list of the file API as folders and files, folders first, each sorted by name. */
export function buildTree(entries: TreeEntry[], showHidden: boolean): TreeNode[] {
  const root: TreeNode = { name: '', path: '', type: 'dir', children: [] };
  const byPath = new Map<string, TreeNode>([['', root]]);
  const sorted = [...entries].sort((a, b) => a.path.localeCompare(b.path));
  for (const e of sorted) {
    const parts = e.path.split('/');
    if (!showHidden && parts.some((p) => p.startsWith('.'))) continue;
    const parent = byPath.get(parts.slice(0, -1).join('/'));
    if (!parent) continue; // inside a hidden or capped folder
    const node: TreeNode = { name: parts.at(-1)!, path: e.path, type: e.type, children: [] };
    parent.children.push(node);
    byPath.set(e.path, node);
  }
  const order = (nodes: TreeNode[]) => {
    nodes.sort((a, b) => (a.type === 'dir') === (b.type === 'dir') ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1);
    nodes.forEach((n) => order(n.children));
  };
  order(root.children);
  return root.children;
}

/** Every folder on the way to `path` (to show an opened file in the tree). */
export function ancestors(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
