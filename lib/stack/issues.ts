import type { z } from 'zod';
import { StackError, formatPath } from './errors';
import { FUNCTION_NAME_RULE, unknownFieldMessage } from './schema';

type Path = readonly PropertyKey[];

/** Where a path is in the file, and the fields (with their descriptions) of the map at a path. */
export type IssueContext = {
  file: string;
  locate: (path: Path) => { line: number; column: number };
  shapeAt: (path: Path) => Readonly<Record<string, z.ZodType>> | undefined;
};

/**
 * zod issues as the StackErrors a user reads: an issue naming two unknown keys is two errors,
 * and a field reported missing because it was misspelled (`handeler`) is reported once, as
 * the misspelling.
 */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], input: unknown, context: IssueContext): StackError[] {
  const misspelled = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const near = closest(key, Object.keys(context.shapeAt(issue.path) ?? {}));
      if (near) misspelled.add(formatPath([...issue.path, near]));
    }
  }
  return issues
    .filter((issue) => !(misspelled.has(formatPath(issue.path)) && valueAt(input, issue.path) === undefined))
    .flatMap((issue) => issueToErrors(issue, input, context));
}

function issueToErrors(issue: z.core.$ZodIssue, input: unknown, context: IssueContext): StackError[] {
  const { file, locate, shapeAt } = context;
  const at = (path: Path, message: string, hint?: string) =>
    new StackError({ file, ...locate(path), path: formatPath(path) || undefined, message, hint });
  const helpFor = (path: Path) => help(path, shapeAt);

  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = Object.keys(shapeAt(issue.path) ?? {});
      return issue.keys.map((key) => {
        const near = closest(key, allowed);
        const hint = near ? `Did you mean "${near}"?` : 'Remove it, or fix its name: field names are lowercase, with "_" between words.';
        return at([...issue.path, key], unknownFieldMessage(key, allowed), hint);
      });
    }
    case 'invalid_key':
      return [at(issue.path, issue.issues[0]?.message ?? 'invalid name', `Use ${FUNCTION_NAME_RULE}.`)];
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      if (value === undefined) return [missing(issue.path)];
      return [at(issue.path, `expected ${noun(issue.expected)}, got ${describe(value)}`, helpFor(issue.path))];
    }
    default:
      if (issue.code === 'custom' && valueAt(input, issue.path) === undefined) return [missing(issue.path)];
      return [at(issue.path, issue.message, helpFor(issue.path))];
  }

  /** Said of the map that lacks the field, where that map starts. */
  function missing(path: Path): StackError {
    const field = String(path[path.length - 1]);
    const detail = issue.code === 'custom' ? issue.message : `missing field "${field}"`;
    return at(path.slice(0, -1), detail, helpFor(path));
  }
}

/** The description of the field at `path`, or of the nearest field that holds it. */
function help(path: Path, shapeAt: IssueContext['shapeAt']): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const description = shapeAt(path.slice(0, n - 1))?.[String(path[n - 1])]?.description;
    if (description) return description;
  }
  return undefined;
}

function valueAt(input: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, seg) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[seg] : undefined), input);
}

function noun(expected: string): string {
  switch (expected) {
    case 'string': return 'text';
    case 'boolean': return 'true or false';
    case 'array': return 'a list ("- item" lines)';
    case 'record':
    case 'object': return 'a map ("key: value" lines)';
    default: return expected;
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** The allowed name a typo most likely meant: at most 2 edits away (`handeler` → `handler`). */
function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(word.toLowerCase(), name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}
