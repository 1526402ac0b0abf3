import fs from 'node:fs';
import { fdPath, openDir } from './beneath';
import { MAX_DEPTH } from './tree';
import { isAllowedName } from './safe-path';

/** Folders watched in one workspace at most (one inotify watch each); deeper or further ones go unheard. */
export const MAX_WATCHED_DIRS = 1000;

/**
 * A recursive watch of one folder tree: one fs.watch (inotify) per folder, added as folders
 * appear and closed as they go. Not Node's own { recursive: true }: on Linux (Node 20) it
 * watches every file as well as every folder, and follows links, so a link to /etc in the
 * workspace would report the host's changes. Here each folder is opened by beneath.ts (never
 * through a link) and watched by its descriptor. Hears each change as a path relative to the
 * root; `onLost` when the root's own watch fails or the root goes.
 */
export class DirWatch {
  private readonly watchers = new Map<string, { w: fs.FSWatcher; ino: number }>();
  private closed = false;

  constructor(private readonly realRoot: string, private readonly onChange: (rel: string) => void, private readonly onLost: () => void) {
    this.add('');
  }

  /** The names directly in the root (what a change of the whole workspace may have touched). */
  topLevel(): string[] {
    try { return fs.readdirSync(this.realRoot); } catch { return []; }
  }

  close(): void {
    this.closed = true;
    for (const { w } of this.watchers.values()) w.close();
    this.watchers.clear();
  }

  /** Watch folder `rel` and, breadth first, the folders under it, up to the limits. */
  private add(rel: string): void {
    const queue = [rel];
    for (let i = 0; i < queue.length && this.watchers.size < MAX_WATCHED_DIRS; i++) {
      const dir = queue[i];
      if (this.watchers.has(dir)) continue;
      const parts = dir ? dir.split('/') : [];
      let fd: number | null = null;
      try { fd = openDir(this.realRoot, parts); } catch { /* a link or a file by now */ }
      if (fd === null) { if (dir === '') this.onLost(); continue; }
      try {
        // Events about the watched folder itself (deleted, moved) carry the last part of the
        // path it was watched by, here the descriptor's number (libuv's uv__inotify_read).
        const self = String(fd);
        const w = fs.watch(fdPath(fd), { persistent: false }, (_event, name) => this.heard(dir, name === self ? null : name));
        w.on('error', () => this.lost(dir));
        this.watchers.set(dir, { w, ino: fs.fstatSync(fd).ino });
        if (parts.length >= MAX_DEPTH) continue;
        for (const e of fs.readdirSync(fdPath(fd), { withFileTypes: true })) {
          if (e.isDirectory() && isAllowedName(e.name)) queue.push(dir ? `${dir}/${e.name}` : e.name);
        }
      } catch {
        if (dir === '') this.onLost();
      } finally {
        fs.closeSync(fd);
      }
    }
  }

  private heard(dir: string, name: string | null): void {
    if (this.closed) return;
    if (!name) { this.recheck(dir); return; } // about the folder itself, or events lost (queue overflow)
    const rel = dir ? `${dir}/${name}` : name;
    this.onChange(rel);
    if (!isAllowedName(name)) return;
    const isDir = (() => { try { return fs.lstatSync(`${this.realRoot}/${rel}`).isDirectory(); } catch { return false; } })();
    if (isDir && !this.watchers.has(rel)) this.add(rel); // a new folder (its files before the watch are covered by `rel`)
    else if (!isDir && this.watchers.has(rel)) this.drop(rel);
    if (dir === '' && !fs.existsSync(this.realRoot)) this.lost('');
  }

  /** Something happened to folder `dir` itself: anything in it may have changed; is it still there? */
  private recheck(dir: string): void {
    this.onChange(dir);
    let fd: number | null = null;
    try { fd = openDir(this.realRoot, dir ? dir.split('/') : []); } catch { /* a link or a file by now */ }
    if (fd === null) { this.lost(dir); return; }
    const same = fs.fstatSync(fd).ino === this.watchers.get(dir)?.ino;
    fs.closeSync(fd);
    if (!same) { this.drop(dir); this.add(dir); } // another folder by the same name: watch that one
  }

  /** A folder's watch failed or it went: stop hearing it and what is under it. */
  private lost(dir: string): void {
    this.drop(dir);
    if (dir === '') this.onLost();
  }

  private drop(dir: string): void {
    for (const [rel, { w }] of this.watchers) {
      if (rel === dir || dir === '' || rel.startsWith(`${dir}/`)) { w.close(); this.watchers.delete(rel); }
    }
  }
}
