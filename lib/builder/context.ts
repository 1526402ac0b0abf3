import fs from 'node:fs';
import path from 'node:path';
import type { ContextFiles } from '../docker/build';
import { AppError } from '../errors';

const MAX_FILES = 500;
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * The build context of a function, as faas-cli makes it in ./build/<fn>/: the template's files,
 * with the template's own `function/` replaced by the participant's handler folder.
 * Symlinks and special files in the handler folder are skipped, never followed.
 */
export function functionContext(templateDir: string, handlerDir: string): ContextFiles {
  if (!fs.existsSync(handlerDir) || !fs.statSync(handlerDir).isDirectory()) {
    throw new AppError('invalid', `The handler folder ${path.basename(handlerDir)}/ does not exist.`, { hint: 'Create it with faas-cli new, or check the handler path in your stack file.' });
  }
  const files: ContextFiles = new Map();
  let total = 0;
  const add = (abs: string, rel: string) => {
    const st = fs.lstatSync(abs);
    if (!st.isFile()) return;
    total += st.size;
    if (files.size >= MAX_FILES || total > MAX_BYTES) {
      throw new AppError('quota', `The build context is larger than ${MAX_FILES} files or ${MAX_BYTES / 1024 / 1024} MB.`, { hint: 'Remove large or generated files from the handler folder.' });
    }
    files.set(rel, { content: fs.readFileSync(abs), mode: st.mode & 0o755 });
  };
  walk(templateDir, '', (abs, rel) => { if (!rel.startsWith('function/')) add(abs, rel); });
  walk(handlerDir, 'function', add);
  return files;
}

function walk(dir: string, prefix: string, visit: (abs: string, rel: string) => void): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name === 'node_modules' || e.name === '__pycache__' || e.name === '.git') continue;
    const abs = path.join(dir, e.name);
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) walk(abs, rel, visit);
    else if (e.isFile()) visit(abs, rel);
  }
}
