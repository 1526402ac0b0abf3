import fs from 'node:fs';
import path from 'node:path';
import chokidar, { type FSWatcher } from 'chokidar';
import { log } from '../log';

type Listener = (paths: string[]) => void;
type Watch = { listeners: Set<Listener>; stop: () => void };

const DEBOUNCE_MS = 100;
/** How often the workspace link is read again: a new sandbox re-points it to another home. */
const RELINK_MS = 3000;
const key = Symbol.for('faaslab.workspaceWatches');
type Holder = { [key]?: Map<string, Watch> };

/**
 * Hear every change under a participant's workspace, from the editor or from the shell (the
 * same folder is the shell's home). One chokidar watcher per workspace, shared by all the
 * participant's open tabs and closed with the last; changes are gathered for DEBOUNCE_MS and
 * given as paths relative to the workspace. Follows the workspace link when it is re-pointed,
 * and survives the folder disappearing (it watches again when it is back). chokidar rather than
 * Node's recursive fs.watch: on Linux that one stops reporting a file once it is replaced by a
 * rename, which is how every save here is made (seen on Node 20.20).
 */
export function watchWorkspace(root: string, listener: Listener): () => void {
  const g = globalThis as Holder;
  g[key] ??= new Map();
  const watches = g[key];
  let w = watches.get(root);
  if (!w) {
    const listeners = new Set<Listener>();
    w = { listeners, stop: start(root, (paths) => listeners.forEach((l) => l(paths))) };
    watches.set(root, w);
  }
  w.listeners.add(listener);
  const mine = w;
  return () => {
    mine.listeners.delete(listener);
    if (mine.listeners.size === 0) { mine.stop(); watches.delete(root); }
  };
}

function start(root: string, emit: Listener): () => void {
  let watcher: FSWatcher | null = null;
  let real: string | null = null;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const flush = () => { timer = null; const paths = [...pending]; pending = new Set(); if (paths.length) emit(paths); };
  const note = (p: string) => { pending.add(p); timer ??= setTimeout(flush, DEBOUNCE_MS); };
  const attach = () => {
    let now: string | null = null;
    try { now = fs.realpathSync(root); } catch { /* not there right now */ }
    if (now === real && watcher) return;
    void watcher?.close();
    watcher = null;
    real = now;
    if (!now) return;
    const base = now;
    watcher = chokidar.watch(base, { ignoreInitial: true, followSymlinks: false, depth: 12 })
      .on('all', (_event, p) => note(path.relative(base, p).split(path.sep).join('/')))
      .on('error', (err) => { log.debug({ err, root }, 'workspace watch failed; watching again'); void watcher?.close(); watcher = null; real = null; });
    note(''); // (re)attached: anything may have changed meanwhile
  };
  attach();
  const relink = setInterval(attach, RELINK_MS);
  return () => { clearInterval(relink); if (timer) clearTimeout(timer); void watcher?.close(); };
}
