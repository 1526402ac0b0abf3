import fs from 'node:fs';
import { DirWatch } from './dir-watch';
import { isTempName } from './file-io';

/**
 * Changes in a participant's workspace, from the editor or the shell (the same folder is the
 * shell's home), for the editor's event stream. One watch per workspace, shared by all the
 * participant's open tabs and closed with the last (ref-counted). Paths are relative to the
 * workspace and gathered for DEBOUNCE_MS. The workspace is a link that a new sandbox re-points
 * (links.ts): every RELINK_MS its real path is resolved again and, when it is another folder
 * (or the folder went and came back), watched afresh; the names at the top of both are then
 * reported. A workspace that is not there is waited for.
 */
export type ChangeListener = (paths: string[]) => void;
export type WatchTimings = { debounceMs: number; maxWaitMs: number; relinkMs: number };

const DEFAULTS: WatchTimings = { debounceMs: 100, maxWaitMs: 1000, relinkMs: 2000 };
/** More paths than this in one event are given as their top-level names (an npm install touches thousands). */
const MAX_PATHS = 200;

const key = Symbol.for('faaslab.workspaceWatches');
type Shared = { listeners: Set<ChangeListener>; watch: WorkspaceWatch };
type Holder = { [key]?: Map<string, Shared> };

/** Hear changes under `root` (a workspace path); returns the function that stops hearing them. */
export function watchWorkspace(root: string, listener: ChangeListener, timings: Partial<WatchTimings> = {}): () => void {
  const g = globalThis as Holder; // one registry for Next's bundle and server.ts alike
  const shared = (g[key] ??= new Map());
  let s = shared.get(root);
  if (!s) {
    const listeners = new Set<ChangeListener>();
    s = { listeners, watch: new WorkspaceWatch(root, (paths) => listeners.forEach((l) => l(paths)), { ...DEFAULTS, ...timings }) };
    shared.set(root, s);
  }
  s.listeners.add(listener);
  const mine = s;
  return () => {
    if (!mine.listeners.delete(listener) || mine.listeners.size > 0) return;
    mine.watch.close();
    if (shared.get(root) === mine) shared.delete(root);
  };
}

/** How many workspaces are being watched (for tests: the last listener closes its watch). */
export const watchedWorkspaces = () => (globalThis as Holder)[key]?.size ?? 0;

class WorkspaceWatch {
  private dirs: DirWatch | null = null;
  private at: { real: string; ino: number } | null = null;
  private top = new Set<string>(); // names last seen at the top, for "anything may have changed"
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firstPending = 0;
  private readonly relink: NodeJS.Timeout;
  private started = false;
  private lost = false; // the root's own watch failed: watched afresh at the next relink

  constructor(private readonly root: string, private readonly emit: ChangeListener, private readonly t: WatchTimings) {
    this.attach();
    this.relink = setInterval(() => this.attach(), t.relinkMs).unref();
  }

  close(): void {
    clearInterval(this.relink);
    if (this.timer) clearTimeout(this.timer);
    this.dirs?.close();
  }

  /** Watch what the workspace points at now, unless that is what is watched already. */
  private attach(): void {
    const now = where(this.root);
    if (!this.lost && now && this.at && now.real === this.at.real && now.ino === this.at.ino) return;
    const before = this.at;
    this.dirs?.close();
    this.dirs = null;
    this.at = now;
    this.lost = false;
    if (now) this.dirs = new DirWatch(now.real, (rel) => this.note(rel), () => { this.lost = true; });
    if (!this.started) this.top = new Set(this.dirs?.topLevel() ?? []);
    else if (before || now) this.note(''); // another folder, or gone, or back: anything at the top may differ
    this.started = true;
  }

  private note(rel: string): void {
    if (rel === '') {
      for (const name of this.dirs?.topLevel() ?? []) this.top.add(name);
      for (const name of this.top) this.pending.add(name);
    } else {
      if (isTempName(rel.slice(rel.lastIndexOf('/') + 1))) return; // a save under way: its rename is heard
      this.pending.add(rel);
      this.top.add(rel.split('/')[0]);
    }
    if (this.pending.size === 0) return;
    const now = Date.now();
    if (!this.timer) this.firstPending = now;
    else clearTimeout(this.timer);
    const wait = Math.min(this.t.debounceMs, Math.max(0, this.firstPending + this.t.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = null;
    let paths = [...this.pending].sort();
    this.pending.clear();
    if (paths.length > MAX_PATHS) paths = [...new Set(paths.map((p) => p.split('/')[0]))];
    this.top = new Set(this.dirs?.topLevel() ?? []);
    this.emit(paths);
  }
}

/** The real folder a workspace is (following its link), or null when there is none right now. */
function where(root: string): { real: string; ino: number } | null {
  try {
    const real = fs.realpathSync(root);
    const st = fs.statSync(real);
    return st.isDirectory() ? { real, ino: st.ino } : null;
  } catch {
    return null;
  }
}
