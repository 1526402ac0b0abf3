import fs from 'node:fs/promises';
import path from 'node:path';
import type { ContextFiles } from '../docker/build';

/** Read a directory tree into an in-memory build context (regular files only, modes kept). */
export async function readDirContext(dir: string, into: ContextFiles = new Map(), prefix = ''): Promise<ContextFiles> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) await readDirContext(abs, into, rel);
    else if (e.isFile()) {
      const st = await fs.stat(abs);
      into.set(rel, { content: await fs.readFile(abs), mode: st.mode & 0o777 });
    }
  }
  return into;
}
