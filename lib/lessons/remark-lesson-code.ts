import { parseCodeBlock, type CodeBlock } from './actions';
import type { StepCheck } from './check-schema';

/**
 * A fenced block of a lesson as the compile saw it: where, its text, and what it does. A
 * `<Check id="…" />` is told in its place too, as `{ kind: 'check', id }` with the check's
 * script as its code, so that whoever follows the page in order meets each check where the
 * participant does.
 */
export type LessonBlock = CodeBlock & { line: number; code: string };

/** The little of mdast this plugin touches (a hand walk; no unist utilities needed). */
type Node = { type: string; children?: Node[]; position?: { start: { line: number } } };
type Code = Node & { type: 'code'; lang?: string | null; meta?: string | null; value: string };
type JsxAttribute = { type: 'mdxJsxAttribute'; name: string; value: unknown };
type JsxFlowElement = Node & { type: 'mdxJsxFlowElement'; name: string; attributes: JsxAttribute[]; children: Node[] };

export type LessonCodeOptions = {
  /** The file's name in messages, e.g. labs/03-functions/02-hello-openfaas/content.mdx. */
  file: string;
  /** The step's checks (its checks.yaml): each is placed once with <Check id="…" />, and every one is placed. */
  checks: ReadonlyMap<string, StepCheck>;
  /** The name of the checks file in messages. */
  checksFile: string;
  /** Told every block and every placed check, in order. */
  onBlock?: (block: LessonBlock) => void;
  /** Told the message of a refused block before the compile fails (esbuild rewraps what is thrown). */
  onProblem?: (message: string) => void;
};

function element(name: string, attrs: Record<string, string | undefined>): JsxFlowElement {
  const attributes = Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([name, value]): JsxAttribute => ({ type: 'mdxJsxAttribute', name, value }));
  return { type: 'mdxJsxFlowElement', name, attributes, children: [] };
}

/**
 * Remark plugin: every fenced code block becomes `<LessonCode language code action/>`, the
 * action (lib/lessons/actions.ts) passed as a JSON string, and every `<Check id="…" />` gets
 * its title, hint, script and state from the step's checks.yaml, so the page shows what the
 * server will run. A block the grammar refuses, a check placed that is not declared (or twice)
 * and one declared that is not placed fail the compile with the file, the line and what to do.
 */
export function remarkLessonCode(options: LessonCodeOptions) {
  return (tree: Node) => {
    const placed = new Set<string>();
    const refuse = (line: number, message: string): never => {
      const text = `${options.file}:${line}: ${message}`;
      options.onProblem?.(text);
      throw new Error(text);
    };
    const placeCheck = (node: JsxFlowElement): JsxFlowElement => {
      const line = node.position?.start.line ?? 0;
      const idAttr = node.attributes.find((a) => a.name === 'id');
      const id = idAttr?.value;
      if (typeof id !== 'string' || node.attributes.length !== 1) refuse(line, '<Check> takes one attribute, the id of a check in checks.yaml, as a plain string: <Check id="hello-answers" />.');
      const check = options.checks.get(id as string);
      if (!check) {
        const known = [...options.checks.keys()];
        return refuse(line, `<Check id="${id}" /> is not declared in ${options.checksFile}: declare it there (id, title, script, hint)${known.length ? `, or place one of ${known.join(', ')}` : ''}.`);
      }
      if (placed.has(check.id)) refuse(line, `<Check id="${check.id}" /> is placed twice: place each check once, where the step is done.`);
      placed.add(check.id);
      options.onBlock?.({ line, language: 'sh', action: { kind: 'check', id: check.id }, code: check.script });
      return { ...element('Check', { id: check.id, title: check.title, hint: check.hint, script: check.script, state: check.state }), position: node.position };
    };
    const visit = (parent: Node) => {
      if (!parent.children) return;
      parent.children = parent.children.map((node) => {
        if (node.type === 'mdxJsxFlowElement' && (node as JsxFlowElement).name === 'Check') return placeCheck(node as JsxFlowElement);
        if (node.type === 'mdxJsxTextElement' && (node as JsxFlowElement).name === 'Check') refuse(node.position?.start.line ?? 0, '<Check /> is inside a paragraph: put it on a line of its own, with a blank line before and after.');
        if (node.type !== 'code') {
          visit(node);
          return node;
        }
        const code = node as Code;
        const line = code.position?.start.line ?? 0;
        const parsed = parseCodeBlock([code.lang, code.meta].filter(Boolean).join(' '), code.value);
        if (!parsed.ok) return refuse(line, parsed.error);
        const { language, action } = parsed.block;
        options.onBlock?.({ line, language, action, code: code.value });
        return element('LessonCode', { language, code: code.value, action: action ? JSON.stringify(action) : undefined });
      });
    };
    visit(tree);
    const missing = [...options.checks.keys()].filter((id) => !placed.has(id));
    if (missing.length) refuse(1, `${missing.map((id) => `check "${id}"`).join(', ')} of ${options.checksFile} ${missing.length > 1 ? 'are' : 'is'} not placed: put ${missing.map((id) => `<Check id="${id}" />`).join(', ')} where the step is done.`);
  };
}
