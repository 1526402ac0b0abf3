import type { ActionKind, LessonAction, WorkbenchTab } from './action-types';

/**
 * The grammar of a lesson's fenced code block (labs/README.md): its info string is
 *
 *   <language> [<action>] [key=value | key="quoted value" | key='quoted value']...
 *
 * and its body is the command or the file text. Pure, so that the compile
 * (lib/lessons/remark-lesson-code.ts) and the browser read blocks the same way. Quotes have no
 * escapes: Markdown itself removes a backslash before punctuation in an info string, so a value
 * with a double quote in it goes in single quotes and the other way round.
 */

export type CodeBlock = { language: string; action: LessonAction | null };
export type ParseResult = { ok: true; block: CodeBlock } | { ok: false; error: string };

export const TABS: readonly WorkbenchTab[] = ['editor', 'terminal', 'portal', 'dashboard'];

type Keys = Map<string, string>;
/** The kinds a code block can have: a check is declared in checks.yaml and placed with <Check />, not written as a block. */
type BlockKind = Exclude<ActionKind, 'check'>;
type Spec = {
  /** Keys the action takes; the required ones first. */
  keys: readonly string[];
  required: readonly string[];
  example: string;
  build: (keys: Keys, body: string) => LessonAction | string;
};

const EXAMPLE_FILE = 'lab3/hello-openfaas/handler.py';

/** The workbench's terminals are "1" to "8" (the same rule as TERMINAL_NAME in lib/terminal/protocol.ts). */
const TERMINAL = /^[1-8]$/;

/** Text written into a file ends with a line break, as files in an editor do. */
const asFileText = (body: string) => (body === '' ? '' : `${body}\n`);

const SPECS: Record<BlockKind, Spec> = {
  'terminal:execute': {
    keys: ['terminal'], required: [], example: '```sh terminal:execute',
    build: (k, body) => {
      const terminal = k.get('terminal') ?? '1';
      if (!TERMINAL.test(terminal)) return `terminal=${terminal} is not a terminal: they are numbered 1 to 8 (e.g. terminal=2).`;
      if (!body.trim()) return 'terminal:execute has no command: write the command on the lines of the block.';
      return { kind: 'terminal:execute', terminal, command: body };
    },
  },
  'editor:open-file': {
    keys: ['file', 'line'], required: ['file'], example: `\`\`\`python editor:open-file file=${EXAMPLE_FILE} line=7`,
    build: (k) => {
      const file = k.get('file')!;
      const raw = k.get('line');
      if (raw === undefined) return { kind: 'editor:open-file', file };
      if (!/^[1-9]\d{0,5}$/.test(raw)) return `line=${raw} is not a line number: write a whole number from 1 (e.g. line=7).`;
      return { kind: 'editor:open-file', file, line: Number(raw) };
    },
  },
  'editor:write-file': {
    keys: ['file'], required: ['file'], example: `\`\`\`python editor:write-file file=${EXAMPLE_FILE}`,
    build: (k, body) => ({ kind: 'editor:write-file', file: k.get('file')!, content: asFileText(body) }),
  },
  'editor:append-lines': {
    keys: ['file'], required: ['file'], example: '```yaml editor:append-lines file=lab3/astronaut-finder.yml',
    build: (k, body) => {
      if (!body.trim()) return 'editor:append-lines has no lines to add: write them in the block.';
      return { kind: 'editor:append-lines', file: k.get('file')!, content: asFileText(body) };
    },
  },
  'editor:replace': {
    keys: ['file', 'match'], required: ['file', 'match'], example: `\`\`\`python editor:replace file=${EXAMPLE_FILE} match="    return req"`,
    build: (k, body) => ({ kind: 'editor:replace', file: k.get('file')!, match: k.get('match')!, content: body }),
  },
  'workbench:tab': {
    keys: ['tab'], required: ['tab'], example: '```text workbench:tab tab=editor',
    build: (k) => {
      const tab = k.get('tab')!;
      if (!(TABS as readonly string[]).includes(tab)) return `tab=${tab} is not a tab: use one of ${TABS.join(', ')}.`;
      return { kind: 'workbench:tab', tab: tab as WorkbenchTab };
    },
  },
};

export const ACTION_KINDS = Object.keys(SPECS) as BlockKind[];

const isKind = (word: string): word is BlockKind => Object.hasOwn(SPECS, word);

const CHECK_MOVED = 'a check is no longer a code block: declare it in checks.yaml beside content.mdx (id, title, script, hint) and place it with <Check id="…" /> (labs/README.md, "Checks").';

/** Split an info string into words and key=value pairs (values may be quoted, spaces and all). */
function tokenize(info: string): { words: { key?: string; value: string }[] } | { error: string } {
  const words: { key?: string; value: string }[] = [];
  let i = 0;
  while (i < info.length) {
    if (/\s/.test(info[i])) { i++; continue; }
    const start = i;
    while (i < info.length && !/[\s="']/.test(info[i])) i++;
    if (info[i] !== '=') {
      if (info[i] === '"' || info[i] === "'") return { error: `unexpected quote after "${info.slice(start, i)}": only a key=value may be quoted (key="a value").` };
      words.push({ value: info.slice(start, i) });
      continue;
    }
    const key = info.slice(start, i);
    if (!key) return { error: `"=" without a key at "${info.slice(i)}": write key=value.` };
    i++;
    const quote = info[i];
    let value: string;
    if (quote === '"' || quote === "'") {
      const end = info.indexOf(quote, i + 1);
      if (end < 0) return { error: `${key}=${info.slice(i)} has no closing ${quote}.` };
      value = info.slice(i + 1, end);
      i = end + 1;
      if (i < info.length && !/\s/.test(info[i])) return { error: `${key}=${quote}${value}${quote} is followed by "${info.slice(i).split(/\s/)[0]}": put a space between key=value pairs.` };
    } else {
      const vstart = i;
      while (i < info.length && !/\s/.test(info[i])) i++;
      value = info.slice(vstart, i);
      if (/["']/.test(value)) return { error: `${key}=${value}: a quote may only open a value (${key}="a value").` };
    }
    if (value === '') return { error: `${key}= has no value: write ${key}=something, or ${key}="a value with spaces".` };
    words.push({ key, value });
  }
  return { words };
}

/** Why a workspace path is not acceptable, with what to write instead; null when it is fine. */
export function pathProblem(key: string, file: string): string | null {
  const where = 'paths are relative to the workspace, which is the terminal\'s home folder';
  if (file.includes('\\')) return `${key}=${file}: use / between folders (${key}=${file.replaceAll('\\', '/')}).`;
  if (file.startsWith('~') || file.startsWith('/') || file.startsWith('$HOME')) {
    const rel = file.replace(/^(~|\$HOME|\/home\/app)?\/+/, '');
    return `${key}=${file} is not a workspace path: ${where}, so write ${key}=${rel || EXAMPLE_FILE}.`;
  }
  const parts = file.split('/');
  if (parts.includes('..')) return `${key}=${file} leaves the workspace with "..": ${where}; name the file from there (e.g. ${key}=${EXAMPLE_FILE}).`;
  if (file.endsWith('/')) return `${key}=${file} names a folder: name a file in it (e.g. ${key}=${file}handler.py).`;
  if (parts.some((p) => p === '' || p === '.')) return `${key}=${file}: write the path without "." or empty parts (${key}=${parts.filter((p) => p && p !== '.').join('/')}).`;
  if (/[\u0000-\u001f]/.test(file)) return `${key}=${file} has a control character in it.`;
  return null;
}

/** Levenshtein distance, for "did you mean" on a misspelt action. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

function unknownAction(word: string): string {
  const [best] = [...ACTION_KINDS].sort((x, y) => distance(word, x) - distance(word, y));
  const hint = distance(word, best) <= Math.max(3, Math.floor(word.length / 3)) ? ` Did you mean ${best}?` : '';
  return `unknown action "${word}": use one of ${ACTION_KINDS.join(', ')}.${hint}`;
}

/**
 * Read a fenced code block: its info string (the text after the opening fence) and its body.
 * A block without an action is plain code (shown with a Copy button); errors say what to write.
 */
export function parseCodeBlock(info: string, body: string): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, error });
  const t = tokenize(info.trim());
  if ('error' in t) return fail(t.error);
  const [first, second, ...rest] = t.words;
  if (!first) return { ok: true, block: { language: '', action: null } };
  if (first.key !== undefined) return fail(`the block starts with ${first.key}=…: write the language first (e.g. \`\`\`sh terminal:execute ${first.key}=${first.value}).`);
  if (first.value === 'check' || second?.value === 'check') return fail(CHECK_MOVED);
  if (isKind(first.value)) return fail(`"${first.value}" is an action, not a language: write the language first (${SPECS[first.value].example}).`);
  const language = first.value;
  if (!second) return { ok: true, block: { language, action: null } };
  if (second.key !== undefined) return fail(`${second.key}=${second.value} needs an action before it (e.g. \`\`\`${language} terminal:execute ${second.key}=${second.value}).`);
  if (!isKind(second.value)) return fail(unknownAction(second.value));

  const kind = second.value;
  const spec = SPECS[kind];
  const keys: Keys = new Map();
  for (const w of rest) {
    if (w.key === undefined) return fail(`unexpected "${w.value}" after ${kind}: write key=value (${kind} takes ${spec.keys.join(', ')}).`);
    if (!spec.keys.includes(w.key)) return fail(`${kind} has no key "${w.key}": it takes ${spec.keys.join(', ') || 'no keys'} (e.g. ${spec.example}).`);
    if (keys.has(w.key)) return fail(`${w.key}= is given twice: keep one.`);
    keys.set(w.key, w.value);
  }
  const missing = spec.required.find((k) => !keys.has(k));
  if (missing) return fail(`${kind} needs ${missing}=… (e.g. ${spec.example}).`);
  const file = keys.get('file');
  const problem = file === undefined ? null : pathProblem('file', file);
  if (problem) return fail(problem);

  const action = spec.build(keys, body);
  return typeof action === 'string' ? fail(action) : { ok: true, block: { language, action } };
}
