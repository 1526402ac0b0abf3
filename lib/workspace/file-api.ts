import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../errors';
import type { SaveInput } from './api-schemas';
import { notFound, readRegular, tooLarge } from './file-io';
import { MAX_FILE_BYTES, type Workspace } from './files';

/**
 * Opening and saving files for the browser's editor. A file's version is a hash of its bytes,
 * so a save can tell whether the file on disk is still the one the editor loaded (the shell
 * may have changed it); on a conflict nothing is written and the participant chooses.
 */
export type Opened = { path: string; content: string; version: string } | { path: string; binary: true; size: number; version: string };
export type OnDisk = { content: string; version: string } | null;

export const versionOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// fatal: invalid UTF-8 throws; ignoreBOM: a BOM stays in the text, so a save writes it back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** The text of `bytes`, or null when they are not text the editor can show (not UTF-8, or NUL bytes). */
export function textOf(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try { return utf8.decode(bytes); } catch { return null; }
}

export function openFile(ws: Workspace, rel: string): Opened {
  const bytes = readRegular(ws.root, rel, MAX_FILE_BYTES);
  if (!bytes) throw notFound(rel);
  const content = textOf(bytes);
  const version = versionOf(bytes);
  return content === null ? { path: rel, binary: true, size: bytes.length, version } : { path: rel, content, version };
}

/** What is on disk at `rel` as the conflict check sees it: its version (undefined: too large to have been opened) and its text. */
function onDisk(ws: Workspace, rel: string): { version: string | null | undefined; current: OnDisk } {
  try {
    const bytes = readRegular(ws.root, rel, MAX_FILE_BYTES, 'saves');
    if (!bytes) return { version: null, current: null };
    const [version, content] = [versionOf(bytes), textOf(bytes)];
    return { version, current: content === null ? null : { content, version } };
  } catch (err) {
    if (isAppError(err) && err.code === 'too_large') return { version: undefined, current: null };
    throw err;
  }
}

/**
 * Save text over the version the editor started from (`baseVersion`; null: the file must not
 * exist). When the file on disk is another version: a conflict whose detail.current is what is
 * on disk ({ content, version }, or null when there is no file or it is not text the editor
 * shows). `force` overwrites regardless; links, folders and devices are refused even then.
 */
export function saveFile(ws: Workspace, { path: rel, content, baseVersion, force }: SaveInput): { path: string; version: string } {
  if (content.includes('\0')) throw new AppError('unsupported', `${rel} was not saved: the text contains NUL bytes, and the editor only saves text.`, { hint: 'Make binary files in the terminal.' });
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(rel, bytes.length, MAX_FILE_BYTES);
  const disk = onDisk(ws, rel);
  if (!force && disk.version !== baseVersion) {
    const message = disk.version === null ? `${rel} was deleted on disk since you opened it; nothing was saved.`
      : baseVersion === null ? `${rel} already exists; nothing was saved.`
        : `${rel} changed on disk since you opened it; nothing was saved.`;
    throw new AppError('conflict', message, { hint: 'Choose: reload it from disk, keep yours (overwrite), or compare the two.', detail: { current: disk.current } });
  }
  ws.write(rel, content);
  return { path: rel, version: versionOf(bytes) };
}
