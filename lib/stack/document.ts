import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import { StackError } from './errors';

/** A parsed YAML file that still knows where everything came from. */
export type YamlSource = { file: string; text: string; doc: Document.Parsed; lines: LineCounter };

/** Parse one YAML document; its syntax errors come back as StackErrors, one per line at most. */
export function readYaml(text: string, file: string): { source: YamlSource; errors: StackError[] } {
  const lines = new LineCounter();
  // merge: `<<: *base` works in faas-cli (yaml.v3), so it works here.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true });
  const source = { file, text, doc, lines };
  const seen = new Set<number>();
  const errors: StackError[] = [];
  for (const err of doc.errors) {
    const syntax = describeSyntaxError(source, err);
    const { line, col } = lines.linePos(syntax.offset);
    if (seen.has(line)) continue;
    seen.add(line);
    errors.push(new StackError({ file, line, column: col, message: syntax.message, hint: syntax.hint }));
  }
  return { source, errors };
}

/**
 * The document as plain data, with every number and boolean as the text it was written as:
 * faas-cli reads scalars into Go strings, so `1.10` must stay "1.10" and `version: 1.0` "1.0".
 */
export function toPlain(source: YamlSource): unknown {
  visit(source.doc, {
    Scalar(_, node) {
      if (typeof node.value === 'number' || typeof node.value === 'boolean') node.value = node.source ?? String(node.value);
    },
  });
  return source.doc.toJS({ maxAliasCount: 100 });
}

/** Line and column of the key (or list item) at `path`, or of the deepest part of it that exists. */
export function locate(source: YamlSource, path: readonly PropertyKey[]): { line: number; column: number } {
  let node: unknown = source.doc.contents;
  let offset = startOf(node) ?? 0;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(source.doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      node = node.items[seg];
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  const { line, col } = source.lines.linePos(offset);
  return { line, column: col };
}

function startOf(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

const LAYOUT_HINT = 'Each line is "key: value" (with a space after ":"), indented two spaces more than the key it belongs to.';

/** yaml's errors, said for someone who has just met YAML, at the place to look. */
function describeSyntaxError(source: YamlSource, err: YAMLError): { offset: number; message: string; hint: string } {
  const offset = err.pos[0];
  const detail = err.message.charAt(0).toLowerCase() + err.message.slice(1);
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return { offset, message: 'tabs are not allowed for indentation', hint: 'YAML indents with spaces only: replace the tabs with spaces, two per level.' };
    case 'BAD_INDENT':
      return { offset, message: `bad indentation: ${detail}`, hint: LAYOUT_HINT };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { offset, message: 'bad indentation, or a missing ":" after a key', hint: LAYOUT_HINT };
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(source.text.slice(offset))?.[0].trim() ?? '';
      return { offset, message: `duplicate key "${key}"`, hint: 'A key may appear only once in the same map; two functions need two different names.' };
    }
    case 'MULTIPLE_DOCS':
      return { offset, message: 'a second YAML document (after "---"): a stack file holds one', hint: 'Remove the "---" line, or move what follows it into the first document.' };
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(err.message)?.[1];
      if (quote) return { offset: quotedStringStart(source, offset), message: `unclosed quote: this value has no closing ${quote}`, hint: `End the value with ${quote} on the same line, e.g. image: ${quote}hello-openfaas:latest${quote}.` };
      return { offset, message: detail, hint: LAYOUT_HINT };
    }
    default:
      return { offset, message: detail, hint: 'Check the YAML syntax on this line and the line above it.' };
  }
}

/** yaml reports an unclosed quote where the file ends; the user needs where the string starts. */
function quotedStringStart(source: YamlSource, offset: number): number {
  let start = offset;
  visit(source.doc, {
    Scalar(_, node) {
      const [from, , to] = node.range ?? [];
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      if (quoted && from !== undefined && to !== undefined && from < offset && offset <= to) start = from;
    },
  });
  return start;
}
