import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

/** Parses every file given as (path, display name) pairs; prints the first SyntaxError as JSON. */
const CHECK_PY = `
import ast, json, sys
args = sys.argv[1:]
for path, name in zip(args[0::2], args[1::2]):
    try:
        with open(path, 'rb') as f:
            ast.parse(f.read(), name)
    except SyntaxError as e:
        print(json.dumps({"file": name, "line": e.lineno, "offset": e.offset, "kind": type(e).__name__, "msg": e.msg, "text": e.text}))
        sys.exit(1)
    except ValueError as e:
        print(json.dumps({"file": name, "line": None, "offset": None, "kind": "ValueError", "msg": str(e), "text": None}))
        sys.exit(1)
`;

type PySyntaxError = { file: string; line: number | null; offset: number | null; kind: string; msg: string; text: string | null };

function pythonFiles(dir: string, prefix = ''): [string, string][] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e): [string, string][] => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory() && e.name !== '__pycache__' && e.name !== 'node_modules') return pythonFiles(path.join(dir, e.name), rel);
    return e.isFile() && e.name.endsWith('.py') ? [[path.join(dir, e.name), rel]] : [];
  });
}

/** Python's own rendering of a syntax error: file, line, the source line and a caret. */
export function formatSyntaxError(e: PySyntaxError): string {
  const lines = [`  File "${e.file}"${e.line ? `, line ${e.line}` : ''}`];
  if (e.text) {
    const text = e.text.replace(/\n$/, '');
    const indent = text.length - text.trimStart().length;
    lines.push(`    ${text.trimStart()}`);
    if (e.offset) lines.push(`    ${' '.repeat(Math.max(0, e.offset - 1 - indent))}^`);
  }
  lines.push(`${e.kind}: ${e.msg}`);
  return lines.join('\n');
}

/**
 * Check a Python handler's syntax before building, with the host's python3 (~30 ms, where a
 * check step inside the image build costs ~0.7 s per edit). A syntax error becomes a
 * `build_failed` naming file and line, and nothing is built or deployed. Without python3 on
 * the host the check is skipped and such errors surface when the function runs.
 */
export async function checkPythonSyntax(handlerDir: string): Promise<void> {
  const files = pythonFiles(handlerDir);
  if (files.length === 0) return;
  const out = await new Promise<{ code: number | null; stdout: string } | null>((resolve) => {
    const child = spawn('python3', ['-I', '-c', CHECK_PY, ...files.flat()], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.on('error', () => resolve(null));
    child.on('close', (code) => resolve({ code, stdout }));
  });
  if (!out || out.code === 0) return;
  let e: PySyntaxError;
  try {
    e = JSON.parse(out.stdout.trim().split('\n').pop() ?? '');
  } catch {
    return; // the checker itself failed: let the build and the runtime speak
  }
  throw new AppError('build_failed', `${e.kind} in ${e.file}${e.line ? ` line ${e.line}` : ''}: ${e.msg}`, {
    hint: `Fix ${e.file}${e.line ? ` line ${e.line}` : ''} and run again; the previous version keeps serving.`,
    detail: { file: e.file, line: e.line, excerpt: formatSyntaxError(e) },
  });
}
