import fs from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { CliError } from './errors';

/**
 * The upload of `faas-cli build` to the platform's builder (POST /system/builds): a tar with
 * `faaslab-build.json` (the settings) and the handler folder's files under `handler/`. The
 * platform builds it with its own template for `lang` and tags the image `image` in this
 * sandbox. Its limits (lib/builder/upload.ts) are checked here first, to say which folder is
 * too big before sending it.
 */
export const CONFIG_ENTRY = 'faaslab-build.json';
export const UPLOAD_LIMITS = { bytes: 16 * 1024 * 1024, files: 2000 };

/** Settings the builder accepts, and no others (it refuses unknown keys). */
export type BuildSettings = { name: string; lang: string; image: string; buildArgs?: Record<string, string>; noCache?: boolean };

/** Never uploaded, at any depth: installed packages, Git's store, Python's byte-code caches. */
const SKIP_ANYWHERE = new Set(['node_modules', '.git', '__pycache__']);
/** faas-cli's own folders when the handler is the stack's folder (builder/build.go skips them at the top). */
const SKIP_AT_TOP = new Set(['build', 'template']);

export type HandlerEntry = { rel: string; abs: string; type: 'file' | 'directory'; size: number; mode: number };
export type HandlerFiles = { entries: HandlerEntry[]; skipped: string[]; files: number; bytes: number };

/** The files and folders of a handler folder that are uploaded, in a stable order; `skipped` names what is left out and why. */
export function collectHandlerFiles(root: string): HandlerFiles {
  const out: HandlerFiles = { entries: [], skipped: [], files: 0, bytes: 0 };
  const walk = (rel: string) => {
    const dir = path.join(root, rel);
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory() && (SKIP_ANYWHERE.has(e.name) || (!rel && SKIP_AT_TOP.has(e.name)))) continue;
      const abs = path.join(dir, e.name);
      const st = fs.lstatSync(abs);
      if (st.isDirectory()) {
        out.entries.push({ rel: r, abs, type: 'directory', size: 0, mode: st.mode & 0o777 });
        walk(r);
      } else if (st.isFile()) {
        out.entries.push({ rel: r, abs, type: 'file', size: st.size, mode: st.mode & 0o777 });
        out.files++;
        out.bytes += st.size;
      } else {
        out.skipped.push(`${r} (${st.isSymbolicLink() ? 'a link' : 'not a file'}: only files and folders are uploaded)`);
      }
    }
  };
  walk('');
  return out;
}

/** Refuse what the builder would refuse, naming the folder and the limit. */
export function checkLimits(handler: string, files: HandlerFiles): void {
  const hint = `Keep only the function's own files in ${handler}: move data, archives and generated files out of it.`;
  if (files.files + 1 > UPLOAD_LIMITS.files) throw new CliError(`${handler} has ${files.files} files; a build can upload at most ${UPLOAD_LIMITS.files - 1}`, hint);
  if (files.bytes > UPLOAD_LIMITS.bytes) throw new CliError(`${handler} holds ${formatBytes(files.bytes)}; a build can upload at most ${formatBytes(UPLOAD_LIMITS.bytes)}`, hint);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The upload body: settings first, then `handler/` and everything under it. */
export async function packBuildUpload(files: HandlerFiles, settings: BuildSettings): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  pack.on('data', (c: unknown) => chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve, reject) => { pack.on('end', resolve); pack.on('error', reject); });
  pack.entry({ name: CONFIG_ENTRY, mode: 0o644 }, JSON.stringify(settings));
  pack.entry({ name: 'handler/', type: 'directory', mode: 0o755 });
  for (const e of files.entries) {
    if (e.type === 'directory') pack.entry({ name: `handler/${e.rel}/`, type: 'directory', mode: 0o755 });
    else pack.entry({ name: `handler/${e.rel}`, mode: e.mode & 0o111 ? 0o755 : 0o644 }, fs.readFileSync(e.abs));
  }
  pack.finalize();
  await ended;
  return Buffer.concat(chunks);
}
