import { isNormalizedProject, isProjectName, isServableFileName, normalizeProject } from './names';
import type { IndexFile } from './wheels';

/**
 * The PEP 503 "simple" repository API as pure functions: request path → what to answer.
 * The server maps these onto HTTP; nothing here touches the file system, and files are only
 * ever looked up by exact name in the manifest, so no request path reaches a path on disk.
 */

export type Route =
  | { kind: 'root' }
  | { kind: 'project'; project: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'file'; file: IndexFile }
  | { kind: 'not-found'; reason: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function resolveRoute(rawPath: string, files: IndexFile[]): Route {
  const pathOnly = rawPath.split('?')[0];
  let p: string;
  try {
    p = decodeURIComponent(pathOnly);
  } catch {
    return { kind: 'not-found', reason: 'bad escape in path' };
  }
  if (p.includes('\0') || p.includes('\\')) return { kind: 'not-found', reason: 'bad path' };
  if (p === '/' || p === '/simple') return { kind: 'redirect', location: '/simple/' };
  if (p === '/simple/') return { kind: 'root' };
  const project = /^\/simple\/([^/]+)(\/?)$/.exec(p);
  if (project) {
    const [, name, slash] = project;
    if (!isProjectName(name)) return { kind: 'not-found', reason: 'invalid project name' };
    const normal = normalizeProject(name);
    if (normal !== name || !slash) return { kind: 'redirect', location: `/simple/${normal}/` };
    if (!isNormalizedProject(normal) || !files.some((f) => f.project === normal)) return { kind: 'not-found', reason: `no project ${normal}` };
    return { kind: 'project', project: normal };
  }
  const file = /^\/files\/([^/]+)$/.exec(p);
  if (file) {
    if (!isServableFileName(file[1])) return { kind: 'not-found', reason: 'invalid file name' };
    const found = files.find((f) => f.fileName === file[1]);
    return found ? { kind: 'file', file: found } : { kind: 'not-found', reason: `no file ${file[1]}` };
  }
  return { kind: 'not-found', reason: 'unknown path' };
}

/** `/simple/`: one link per project. */
export function rootPage(files: IndexFile[]): string {
  const projects = [...new Set(files.map((f) => f.project))].sort();
  const links = projects.map((p) => `    <a href="/simple/${p}/">${escapeHtml(p)}</a><br/>`);
  return `<!DOCTYPE html>\n<html>\n  <head><meta name="pypi:repository-version" content="1.0"><title>Simple index</title></head>\n  <body>\n${links.join('\n')}\n  </body>\n</html>\n`;
}

/** `/simple/<project>/`: one link per file, with its sha256 and Requires-Python. */
export function projectPage(project: string, files: IndexFile[]): string {
  const mine = files.filter((f) => f.project === project).sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
  const links = mine.map((f) => {
    const rp = f.requiresPython ? ` data-requires-python="${escapeHtml(f.requiresPython)}"` : '';
    return `    <a href="/files/${encodeURIComponent(f.fileName)}#sha256=${f.sha256}"${rp}>${escapeHtml(f.fileName)}</a><br/>`;
  });
  return `<!DOCTYPE html>\n<html>\n  <head><meta name="pypi:repository-version" content="1.0"><title>Links for ${escapeHtml(project)}</title></head>\n  <body>\n    <h1>Links for ${escapeHtml(project)}</h1>\n${links.join('\n')}\n  </body>\n</html>\n`;
}
