import { AppError } from '../errors';

export type StackErrorInit = {
  /** The file the problem is in, as the user named it (e.g. `stack.yml`). */
  file: string;
  /** 1-based; absent when the problem has no one place (e.g. a --filter that matches nothing). */
  line?: number;
  column?: number;
  /** Where in the document, e.g. `functions.hello-openfaas.lang`. */
  path?: string;
  message: string;
  hint?: string;
  cause?: unknown;
};

/**
 * A problem in a stack file (or an environment_file), told the way compilers do:
 * `stack.yml:7:5: functions.hello-openfaas.handeler: unknown field "handeler" — allowed: …`.
 * It is an `invalid` AppError, so the web app answers 400 with the hint and position.
 */
export class StackError extends AppError {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;

  constructor(init: StackErrorInit) {
    const { file, line, column, path } = init;
    super('invalid', init.message, { hint: init.hint, detail: { file, line, column, path }, cause: init.cause });
    this.name = 'StackError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.path = path;
  }

  /** `stack.yml:7:5`, `stack.yml:7` or `stack.yml`. */
  get location(): string {
    if (this.line === undefined) return this.file;
    return this.column === undefined ? `${this.file}:${this.line}` : `${this.file}:${this.line}:${this.column}`;
  }

  toString(): string {
    return `${this.location}: ${this.path ? `${this.path}: ` : ''}${this.message}`;
  }
}

/** 1-based line and column of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** `functions.hello-openfaas.secrets[0]` from `['functions', 'hello-openfaas', 'secrets', 0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, seg) => {
    if (typeof seg === 'number') return `${out}[${seg}]`;
    return out ? `${out}.${String(seg)}` : String(seg);
  }, '');
}
