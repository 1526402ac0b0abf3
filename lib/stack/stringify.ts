import { Document, Scalar, YAMLMap, isMap, isScalar } from 'yaml';
import { locate, readYaml, type YamlSource } from './document';
import { StackError } from './errors';
import { functionNameSchema, FUNCTION_NAME_RULE, shapeAt, type Stack, type StackFunction } from './schema';

/** A stack to write; `version` is always written as 1.0. */
export type StackInput = Omit<Stack, 'version'> & { version?: Stack['version'] };

// Long values (an fprocess, a URL) stay on one line, as faas-cli writes them.
const WRITE_OPTIONS = { lineWidth: 0 } as const;

/**
 * A stack file in faas-cli's shape (what `faas-cli new` writes): version, provider,
 * functions, with each function's fields in the usual order (lang, handler, image, …).
 */
export function stringifyStack(stack: StackInput): string {
  const doc = new Document(inFieldOrder({ ...stack, version: '1.0' }, []));
  // YAML reads 1.0 as a number; faas-cli writes it unquoted, so write the number 1 as "1.0".
  const version = new Scalar(1);
  version.minFractionDigits = 1;
  doc.set('version', version);
  return doc.toString(WRITE_OPTIONS);
}

/**
 * `faas-cli new NAME --append stack.yml`: the text with one more function at the end of
 * `functions:`, keeping the file's comments, blank lines and `${VAR}`s as they are.
 */
export function appendFunction(text: string, name: string, fn: StackFunction, options: { file?: string } = {}): string {
  const file = options.file ?? 'stack.yml';
  const valid = functionNameSchema.safeParse(name);
  if (!valid.success) throw new StackError({ file, message: valid.error.issues[0].message, hint: `Use ${FUNCTION_NAME_RULE}.` });

  const { source, errors } = readYaml(text, file);
  if (errors.length > 0) throw errors[0];
  const { doc } = source;
  if (!isMap(doc.contents)) {
    throw new StackError({ file, line: 1, message: 'cannot append a function: this is not a stack file', hint: `Run faas-cli new ${name} without --append to write a new stack file.` });
  }

  let functions = doc.get('functions', true);
  if (functions === undefined || (isScalar(functions) && functions.value === null)) {
    functions = new YAMLMap();
    doc.set('functions', functions);
  }
  if (!isMap(functions)) {
    throw new StackError({ file, ...locate(source, ['functions']), path: 'functions', message: 'cannot append a function: "functions" is not a map' });
  }
  const existing = functions.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
  if (existing) {
    throw new StackError({
      file, ...locate(source, ['functions', name]), path: `functions.${name}`,
      message: `Function ${name} already exists in ${file} file.`,
      hint: 'Cannot have duplicate function names in same yaml file: choose another name, or change the function that is there.',
    });
  }

  const entry = inFieldOrder(fn, ['functions', name]);
  return appendAsText(source, functions, name, entry) ?? appendInDocument(doc, functions, name, entry);
}

/**
 * The usual case, a block map of functions: the file's text is kept byte for byte and the new
 * function goes after the last one, with a blank line before it and the file's indentation.
 */
function appendAsText(source: YamlSource, functions: YAMLMap, name: string, entry: unknown): string | undefined {
  const first = functions.items[0];
  const end = functions.range?.[1];
  if (functions.flow || !first || end === undefined) return undefined;
  const column = (node: unknown) => source.lines.linePos((node as { range: [number] }).range[0]).col - 1;
  const nameColumn = column(first.key);
  const firstField = isMap(first.value) ? first.value.items[0]?.key : undefined;
  const indent = firstField ? Math.max(1, column(firstField) - nameColumn) : 2;
  const text = new Document({ [name]: entry }).toString({ ...WRITE_OPTIONS, indent }).replace(/^(?=.)/gm, ' '.repeat(nameColumn));
  const before = source.text.slice(0, end);
  return `${before}${before.endsWith('\n') ? '' : '\n'}\n${text}${source.text.slice(end)}`;
}

/** An empty or flow-style `functions:`: add the function through the document, which rewrites the text. */
function appendInDocument(doc: Document.Parsed, functions: YAMLMap, name: string, entry: unknown): string {
  if (functions.items.length === 0) functions.flow = false;
  functions.items.push(doc.createPair(name, entry));
  return doc.toString(WRITE_OPTIONS);
}

/** A copy with the keys of each known map in schema order; unknown keys keep theirs, after. */
function inFieldOrder(value: unknown, path: readonly PropertyKey[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => inFieldOrder(item, [...path, i]));
  if (value === null || typeof value !== 'object') return value;
  const order = Object.keys(shapeAt(path) ?? {});
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => rank(order, a) - rank(order, b));
  return Object.fromEntries(entries.map(([key, v]) => [key, inFieldOrder(v, [...path, key])]));
}

function rank(order: readonly string[], key: string): number {
  const at = order.indexOf(key);
  return at < 0 ? order.length : at;
}
