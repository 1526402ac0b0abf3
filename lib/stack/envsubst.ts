import { StackError, positionAt } from './errors';
import { changeCase, replace, substring, trim } from './shell-functions';

/** Variables to substitute; a missing key is an unset variable. `process.env` fits. */
export type Env = Readonly<Record<string, string | undefined>>;

export type EnvsubstOptions = {
  /** Named in error messages. */
  file?: string;
  /**
   * Also expand `$NAME` without braces. faas-cli does not (drone/envsubst only expands
   * `${…}`), so that `fprocess: sh -c 'echo $HOME'` reaches the container as written.
   */
  bareVariables?: boolean;
};

const NAME_CHAR = /^[\p{L}\p{N}_]$/u;
const DEFAULT_OP = /^[=\-?+]$/;
const HINT = 'Write ${NAME} or ${NAME:-default}; write $$ for a literal $, or turn substitution off (--envsubst=false).';

/**
 * Substitute environment variables in a whole stack file before it is read as YAML, as
 * faas-cli does with drone/envsubst v1.0.3: `${VAR}`, `${VAR:-default}` (also `:=`, `=`),
 * the bash string operators, `$$` for a literal `$`; a value of an unset variable is empty.
 *
 * Where we part from drone, on purpose: `${VAR-default}` means "default if VAR is unset" as in
 * bash (drone reads `VAR-default` as one variable name and gives an empty string), and a
 * backslash outside `${…}` is left alone (drone turns `\\` into `\`, which breaks YAML escapes).
 */
export function envsubst(text: string, env: Env, options: EnvsubstOptions = {}): string {
  return new Substitution(text, env, options).run();
}

class Substitution {
  private i = 0;

  constructor(private readonly src: string, private readonly env: Env, private readonly options: EnvsubstOptions) {}

  run(): string {
    let out = '';
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      const next = this.src[this.i + 1] ?? '';
      if (ch === '$' && next === '{') {
        out += this.expression();
      } else if (ch === '$' && next === '$') {
        out += '$';
        this.i += 2;
      } else if (ch === '$' && this.options.bareVariables && NAME_CHAR.test(next)) {
        this.i += 1;
        out += this.env[this.name()] ?? '';
      } else {
        out += ch;
        this.i += 1;
      }
    }
    return out;
  }

  /** One `${…}`, with `this.i` on its `$`. */
  private expression(): string {
    const start = this.i;
    this.i += 2;
    if (this.peek() === '#') {
      this.i += 1;
      const length = (this.env[this.requireName(start)] ?? '').length;
      return this.closed(start, String(length));
    }
    const name = this.requireName(start);
    const value = this.env[name];
    const op = this.peek();
    if (op === '}') {
      this.i += 1;
      return value ?? '';
    }
    if (op === ':' && !DEFAULT_OP.test(this.src[this.i + 1] ?? '')) {
      this.i += 1;
      const offset = this.param(':}', false, start);
      let length: string | undefined;
      if (this.peek() === ':') {
        this.i += 1;
        length = this.param('}', false, start);
      }
      return this.closed(start, substring(value ?? '', offset, length));
    }
    if (op === ':' || op === '=' || op === '-') {
      this.i += op === ':' ? 2 : 1;
      const fallback = this.param('}', false, start);
      // drone has no notion of "unset", so every form but bash's `-` means "unset or empty".
      return this.closed(start, op === '-' ? value ?? fallback : value || fallback);
    }
    if (op === '^' || op === ',') return this.closed(start, changeCase(value ?? '', this.run2('^,')));
    if (op === '#' || op === '%') {
      const which = this.run2(op);
      const pattern = this.param('}', false, start);
      if (!pattern) this.fail(start, `expected a pattern after "${which}"`);
      return this.closed(start, trim(value ?? '', which, pattern));
    }
    if (op === '/') {
      const which = this.src.startsWith('//', this.i) || this.src.startsWith('/#', this.i) || this.src.startsWith('/%', this.i)
        ? this.src.slice(this.i, this.i + 2) : '/';
      this.i += which.length;
      const old = this.param('/}', true, start);
      if (!old || this.peek() !== '/') this.fail(start, `expected ${which}old/new`);
      this.i += 1;
      const replacement = this.peek() === '}' ? undefined : this.param('}', true, start);
      return this.closed(start, replace(value ?? '', which, old, replacement));
    }
    if (op === '') this.fail(start, 'no closing "}"');
    return this.fail(start, `unexpected "${op}" after the variable name`);
  }

  /** Text up to one of `stops`, with nested `${…}` substituted; `\/` and `\\` when `escapes`. */
  private param(stops: string, escapes: boolean, start: number): string {
    let out = '';
    while (this.i < this.src.length) {
      const ch = this.src[this.i];
      const next = this.src[this.i + 1];
      if (ch === '$' && next === '{') {
        out += this.expression();
      } else if (stops.includes(ch)) {
        return out;
      } else if (escapes && ch === '\\' && (next === '/' || next === '\\')) {
        out += next;
        this.i += 2;
      } else {
        out += ch;
        this.i += 1;
      }
    }
    return this.fail(start, 'no closing "}"');
  }

  private name(): string {
    const from = this.i;
    while (this.i < this.src.length && NAME_CHAR.test(this.src[this.i])) this.i += 1;
    return this.src.slice(from, this.i);
  }

  private requireName(start: number): string {
    return this.name() || this.fail(start, this.peek() === '' ? 'no closing "}"' : 'expected a variable name after "${"');
  }

  /** One or two characters from `chars` (the `^^`, `##`, `%%` operators). */
  private run2(chars: string): string {
    const from = this.i;
    while (this.i - from < 2 && chars.includes(this.peek() || '\0')) this.i += 1;
    return this.src.slice(from, this.i);
  }

  private closed(start: number, result: string): string {
    if (this.peek() !== '}') this.fail(start, this.peek() === '' ? 'no closing "}"' : `unexpected "${this.peek()}"`);
    this.i += 1;
    return result;
  }

  private peek(): string {
    return this.src[this.i] ?? '';
  }

  private fail(start: number, why: string): never {
    const end = this.src.slice(start).search(/[}\n]|$/);
    const snippet = this.src.slice(start, start + Math.min(end + 1, 60)).replace(/\n$/, '');
    const { line, column } = positionAt(this.src, start);
    throw new StackError({ file: this.options.file ?? 'stack.yml', line, column, message: `bad substitution "${snippet}": ${why}`, hint: HINT });
  }
}
