import { parseCodeBlock, type CodeBlock } from './actions';

/** A fenced block of a lesson as the compile saw it: where, its text, and what it does. */
export type LessonBlock = CodeBlock & { line: number; code: string };

/** The little of mdast this plugin touches (a hand walk; no unist utilities needed). */
type Node = { type: string; children?: Node[]; position?: { start: { line: number } } };
type Code = Node & { type: 'code'; lang?: string | null; meta?: string | null; value: string };
type JsxAttribute = { type: 'mdxJsxAttribute'; name: string; value: string };
type JsxFlowElement = Node & { type: 'mdxJsxFlowElement'; name: string; attributes: JsxAttribute[]; children: Node[] };

export type LessonCodeOptions = {
  /** The file's name in messages, e.g. labs/03-functions/02-hello-openfaas/content.mdx. */
  file: string;
  /** Told every block, in order (checks are run from these: lib/lessons/checks.ts). */
  onBlock?: (block: LessonBlock) => void;
  /** Told the message of a refused block before the compile fails (esbuild rewraps what is thrown). */
  onProblem?: (message: string) => void;
};

function element(attrs: Record<string, string | undefined>): JsxFlowElement {
  const attributes = Object.entries(attrs)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([name, value]): JsxAttribute => ({ type: 'mdxJsxAttribute', name, value }));
  return { type: 'mdxJsxFlowElement', name: 'LessonCode', attributes, children: [] };
}

/**
 * Remark plugin: every fenced code block becomes `<LessonCode language code action/>`, the
 * action (lib/lessons/actions.ts) passed as a JSON string. A block the grammar refuses fails
 * the compile with the file, the line and what to write instead.
 */
export function remarkLessonCode(options: LessonCodeOptions) {
  return (tree: Node) => {
    const checks = new Set<string>();
    const refuse = (line: number, message: string): never => {
      const text = `${options.file}:${line}: ${message}`;
      options.onProblem?.(text);
      throw new Error(text);
    };
    const visit = (parent: Node) => {
      if (!parent.children) return;
      parent.children = parent.children.map((node) => {
        if (node.type !== 'code') {
          visit(node);
          return node;
        }
        const code = node as Code;
        const line = code.position?.start.line ?? 0;
        const parsed = parseCodeBlock([code.lang, code.meta].filter(Boolean).join(' '), code.value);
        if (!parsed.ok) return refuse(line, parsed.error);
        const { language, action } = parsed.block;
        if (action?.kind === 'check') {
          if (checks.has(action.id)) refuse(line, `a check with id=${action.id} is already in this step: give each check its own id.`);
          checks.add(action.id);
        }
        options.onBlock?.({ line, language, action, code: code.value });
        return element({ language, code: code.value, action: action ? JSON.stringify(action) : undefined });
      });
    };
    visit(tree);
  };
}
