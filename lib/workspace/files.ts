import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { readRegular, writeRegular } from './file-io';
import { resolveInside } from './safe-path';

/** Largest file the editor may save (handlers are small; this stops accidental pastes of megabytes). */
export const MAX_FILE_BYTES = 256 * 1024;

export class Workspace {
  constructor(readonly root: string) {
    fs.mkdirSync(root, { recursive: true });
  }

  /** A text file's content, or null when there is none (never through a link; regular files only). */
  read(rel: string): string | null {
    return readRegular(this.root, rel, MAX_FILE_BYTES)?.toString('utf8') ?? null;
  }

  /** Write atomically (temp file + rename) so a crash never leaves half a handler behind. */
  write(rel: string, content: string): void {
    if (typeof content !== 'string') throw new AppError('invalid', 'File content must be text.');
    const size = Buffer.byteLength(content);
    if (size > MAX_FILE_BYTES) {
      throw new AppError('too_large', `${rel} would be ${size} bytes; the limit is ${MAX_FILE_BYTES}.`, { hint: 'Keep handlers small; put data in separate files.' });
    }
    writeRegular(this.root, rel, Buffer.from(content, 'utf8'));
  }

  /** Absolute path of a folder in the workspace (validated), for builds. */
  dir(rel: string): string {
    return resolveInside(this.root, rel);
  }

  /** Delete every file and folder in the workspace (a reset without keeping files); the root stays. */
  clear(): void {
    for (const entry of fs.readdirSync(this.root)) fs.rmSync(path.join(this.root, entry), { recursive: true, force: true });
  }
}
