import fs from 'node:fs';
import path from 'node:path';
import { copyTree } from './templates';
import type { HandlerFiles } from './build-upload';

/**
 * `faas-cli build --shrinkwrap`: write the build context to ./build/<fn>/ and stop, as faas-cli
 * does: the template (here the platform's, the one it builds with) with the handler's files as
 * function/; for `dockerfile` the handler's files alone. Returns the folder, as faas-cli names it.
 */
export function shrinkwrap(name: string, lang: string, templateDir: string, files: HandlerFiles, log: (line: string) => void, cwd = process.cwd()): string {
  const rel = `./build/${name}/`;
  const dir = path.join(cwd, 'build', name);
  log(`Clearing temporary build folder: ${rel}`);
  fs.rmSync(dir, { recursive: true, force: true });
  const functionDir = lang === 'dockerfile' ? dir : path.join(dir, 'function');
  if (lang !== 'dockerfile') {
    copyTree(templateDir, dir);
    fs.rmSync(functionDir, { recursive: true, force: true });
  }
  fs.mkdirSync(functionDir, { recursive: true });
  for (const e of files.entries) {
    const target = path.join(functionDir, e.rel);
    if (e.type === 'directory') fs.mkdirSync(target, { recursive: true });
    else {
      fs.copyFileSync(e.abs, target);
      fs.chmodSync(target, e.mode);
    }
  }
  return rel;
}
