import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { AppError } from '../errors';
import { resolveInside } from '../workspace/safe-path';

/** What a build upload from faas-cli may hold (a sandbox is hostile territory). */
export const UPLOAD_LIMITS = { bytes: 16 * 1024 * 1024, files: 2000, configBytes: 64 * 1024 };

/** The tar entry with the build's settings (JSON); every other entry is under `handler/`. */
export const CONFIG_ENTRY = 'faaslab-build.json';

/** How an upload is laid out: one JSON settings entry at the root, the files under one folder. */
export type UploadLayout = { configEntry: string; folder: string };
/** Our faas-cli's upload: `faaslab-build.json` + `handler/…`. */
export const FAASLAB_UPLOAD: UploadLayout = { configEntry: CONFIG_ENTRY, folder: 'handler' };

const refuse = (why: string) => new AppError('invalid', `The build upload was refused: ${why}.`, {
  hint: 'Build from a handler folder of ordinary files (no links or devices), at most 16 MB and 2000 files.',
});

/** A path inside the handler folder, or the upload is refused with resolveInside's reason. */
function inside(root: string, entryName: string, rel: string): string {
  try {
    return resolveInside(root, rel);
  } catch (err) {
    throw refuse(`"${entryName}": ${(err as Error).message.replace(/^Path .*? is not allowed: /, '').replace(/\.$/, '')}`);
  }
}

/**
 * Unpack a build upload (a tar stream: by default `faaslab-build.json` + `handler/…`) into
 * `dir/<folder>`, refusing links, devices, absolute paths, `..`, names outside the folder, and
 * anything over the limits, before a byte lands outside `dir`. Returns the parsed settings JSON.
 */
export async function extractUpload(stream: Readable, dir: string, layout: UploadLayout = FAASLAB_UPLOAD): Promise<unknown> {
  const { configEntry, folder } = layout;
  const prefix = `${folder}/`;
  const handlerRoot = path.join(dir, folder);
  fs.mkdirSync(handlerRoot, { recursive: true });
  const extract = tar.extract();
  let config: Buffer | null = null;
  let bytes = 0;
  let files = 0;
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, entry, next) => {
      const fail = (err: unknown) => { entry.resume(); reject(err); extract.destroy(); };
      const name = header.name.replace(/^\.\//, '');
      try {
        if (header.type === 'directory') {
          if (!name.startsWith(prefix) && name !== folder) throw refuse(`"${name}" is outside ${prefix}`);
          if (name !== prefix && name !== folder) fs.mkdirSync(inside(handlerRoot, name, name.slice(prefix.length).replace(/\/$/, '')), { recursive: true });
          entry.resume();
          return entry.on('end', next);
        }
        if (header.type !== 'file') throw refuse(`"${name}" is a ${header.type ?? 'special entry'}; only files and folders are accepted`);
        if (++files > UPLOAD_LIMITS.files) throw refuse(`it has more than ${UPLOAD_LIMITS.files} files`);
        bytes += header.size ?? 0;
        if (bytes > UPLOAD_LIMITS.bytes) throw refuse(`it is larger than ${UPLOAD_LIMITS.bytes / 2 ** 20} MB`);
        if (name === configEntry) {
          if ((header.size ?? 0) > UPLOAD_LIMITS.configBytes) throw refuse(`${configEntry} is too large`);
          const chunks: Buffer[] = [];
          entry.on('data', (c: unknown) => chunks.push(c as Buffer));
          return entry.on('end', () => { config = Buffer.concat(chunks); next(); });
        }
        if (!name.startsWith(prefix)) throw refuse(`"${name}" is outside ${prefix}`);
        const target = inside(handlerRoot, name, name.slice(prefix.length));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const out = fs.createWriteStream(target, { mode: (header.mode ?? 0o644) & 0o111 ? 0o755 : 0o644, flags: 'wx' });
        out.on('error', fail);
        out.on('finish', next);
        entry.pipe(out);
      } catch (err) {
        fail(err);
      }
    });
    extract.on('finish', resolve);
    extract.on('error', (err) => reject(err instanceof AppError ? err : refuse(`it is not a valid tar archive (${err.message})`)));
  });
  stream.on('error', (err) => extract.destroy(err));
  stream.pipe(extract);
  await done;
  if (!config) throw refuse(`it has no ${configEntry}`);
  try {
    return JSON.parse((config as Buffer).toString('utf8'));
  } catch (err) {
    throw refuse(`${configEntry} is not valid JSON (${(err as Error).message})`);
  }
}
