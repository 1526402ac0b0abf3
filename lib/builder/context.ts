import fs from 'node:fs';
import path from 'node:path';
import type { ContextFiles } from '../docker/build';
import { AppError } from '../errors';

const MAX_FILES = 500;
const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Dependency files the templates COPY on their own, before the rest of function/, so that the
 * dependency layers are cached across handler edits. A COPY of a missing file fails the build,
 * so a handler folder without one gets the template's default (empty) one, as `faas-cli new`
 * would have created it.
 */
const DEPENDENCY_FILES = ['requirements.txt', 'package.json'];

/** The build context of a function in template `lang` (`dockerfile`: the handler folder alone). */
export function buildContext(lang: string, templateDir: string, handlerDir: string): ContextFiles {
  return lang === 'dockerfile' ? dockerfileContext(handlerDir) : functionContext(templateDir, handlerDir);
}

/**
 * The build context of a function, as faas-cli makes it in ./build/<fn>/: the template's files,
 * with the template's own `function/` replaced by the participant's handler folder.
 * Symlinks and special files in the handler folder are skipped, never followed.
 */
export function functionContext(templateDir: string, handlerDir: string): ContextFiles {
  requireDir(handlerDir);
  const files = new ContextBuilder();
  walk(templateDir, '', (abs, rel) => { if (!rel.startsWith('function/')) files.add(abs, rel); });
  walk(handlerDir, 'function', (abs, rel) => files.add(abs, rel));
  for (const name of DEPENDENCY_FILES) {
    const fallback = path.join(templateDir, 'function', name);
    if (!files.has(`function/${name}`) && fs.existsSync(fallback)) files.add(fallback, `function/${name}`);
  }
  return files.map;
}

/**
 * The `dockerfile` template, as faas-cli builds it: the handler folder is the whole build
 * context and brings its own Dockerfile.
 */
export function dockerfileContext(handlerDir: string): ContextFiles {
  requireDir(handlerDir);
  const files = new ContextBuilder();
  walk(handlerDir, '', (abs, rel) => files.add(abs, rel));
  if (!files.has('Dockerfile')) {
    throw new AppError('invalid', `The handler folder ${path.basename(handlerDir)}/ has no Dockerfile.`, {
      hint: 'A function with lang: dockerfile is built from the Dockerfile in its own folder; create one (faas-cli new --lang dockerfile makes a starter).',
    });
  }
  return files.map;
}

function requireDir(handlerDir: string): void {
  if (!fs.existsSync(handlerDir) || !fs.statSync(handlerDir).isDirectory()) {
    throw new AppError('invalid', `The handler folder ${path.basename(handlerDir)}/ does not exist.`, { hint: 'Create it with faas-cli new, or check the handler path in your stack file.' });
  }
}

class ContextBuilder {
  readonly map: ContextFiles = new Map();
  private total = 0;

  has(rel: string): boolean {
    return this.map.has(rel);
  }

  add(abs: string, rel: string): void {
    const st = fs.lstatSync(abs);
    if (!st.isFile()) return;
    this.total += st.size;
    if (this.map.size >= MAX_FILES || this.total > MAX_BYTES) {
      throw new AppError('quota', `The build context is larger than ${MAX_FILES} files or ${MAX_BYTES / 1024 / 1024} MB.`, { hint: 'Remove large or generated files from the handler folder.' });
    }
    this.map.set(rel, { content: fs.readFileSync(abs), mode: st.mode & 0o755 });
  }
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
