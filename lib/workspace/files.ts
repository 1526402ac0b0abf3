import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { resolveInside } from './safe-path';

/** Largest file the editor may save (handlers are small; this stops accidental pastes of megabytes). */
export const MAX_FILE_BYTES = 256 * 1024;

export class Workspace {
  constructor(readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  read(rel: string): string | null {
    const abs = resolveInside(this.root, rel);
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (!st) return null;
    if (!st.isFile()) throw new AppError('invalid', `${rel} is not a file.`);
    if (st.size > MAX_FILE_BYTES) throw new AppError('invalid', `${rel} is larger than ${MAX_FILE_BYTES} bytes; open it in the terminal instead.`);
    return fs.readFileSync(abs, 'utf8');
  }

  /** Write atomically (temp file + rename) so a crash never leaves half a handler behind. */
  write(rel: string, content: string): void {
    if (typeof content !== 'string') throw new AppError('invalid', 'File content must be text.');
    const size = Buffer.byteLength(content);
    if (size > MAX_FILE_BYTES) {
      throw new AppError('invalid', `${rel} would be ${size} bytes; the limit is ${MAX_FILE_BYTES}.`, { hint: 'Keep handlers small; put data in separate files.' });
    }
    const abs = resolveInside(this.root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    const tmp = `${abs}.${process.pid}.${Date.now()}.tmp`;
    try {
      fs.writeFileSync(tmp, content);
      fs.renameSync(tmp, abs);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        throw new AppError('quota', `${rel} was not saved: your workspace is full.`, { hint: 'Delete files you no longer need (in the terminal: du -sh * | sort -h), then save again. The version you had before is unchanged.' });
      }
      throw err;
    }
  }

  /** Absolute path of a folder in the workspace (validated), for builds. */
  dir(rel: string): string {
    return resolveInside(this.root, rel);
  }

  /** Delete every file and folder in the workspace (a reset without keeping files); the root stays. */
  clear(): void {
    for (const entry of fs.readdirSync(this.root)) fs.rmSync(path.join(this.root, entry), { recursive: true, force: true });
  }

  /** Copy starter files into the workspace, never overwriting the participant's own work. */
  seed(fromDir: string): void {
    if (!fs.existsSync(fromDir)) return;
    for (const entry of fs.readdirSync(fromDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const rel = path.relative(fromDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      if (this.read(rel) === null) this.write(rel, fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
    }
  }
}
