/**
 * A Dockerfile split into instructions exactly where the engine's classic builder splits it
 * (moby 20.10 vendors buildkit's frontend/dockerfile/parser: parser.go and line_parsers.go).
 * The platform checks what a participant's Dockerfile builds FROM; a checker that ends a line
 * somewhere the engine does not would let an instruction hide, so the details follow Go:
 * unicode.IsSpace (not JavaScript's \s), one trailing CR dropped, comment and blank lines
 * skipped inside a continuation, and builder flags read byte by byte.
 */

export type Instruction = {
  /** 1-based line on which the instruction starts. */
  line: number;
  /** Lower case, e.g. `from`, `copy`. */
  keyword: string;
  /** Builder flags as the engine extracts them, without the leading `--` (e.g. `from=watchdog`). */
  flags: string[];
  /** The rest of the instruction after its flags. */
  args: string;
};

export class DockerfileSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'DockerfileSyntaxError';
  }
}

/** Go's unicode.IsSpace. */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const leadingSpace = new RegExp(`^[${GO_SPACE}]+`);
const trimLeft = (s: string) => s.replace(leadingSpace, '');
const trimSpace = (s: string) => trimLeft(s).replace(new RegExp(`[${GO_SPACE}]+$`), '');
/** splitCommand's separator (reWhitespace): ASCII only. */
const SEPARATOR = /[\t\v\f\r ]+/;

/** An escape directive as both the 20.10 parser and later ones read it (they differ on anything looser). */
const ESCAPE_STRICT = /^#[ \t]*escape[ \t]*=[ \t]*([\\`])[ \t]*$/i;
const ESCAPE_LOOSE = /^#\s*escape\s*=/i;

/**
 * Split a Dockerfile into instructions. An escape directive is accepted on the first line only,
 * in its plain form: elsewhere the parsers of different engine versions disagree on whether it
 * applies, and with it on where instructions end, so such a file is refused.
 */
export function parseDockerfile(text: string): Instruction[] {
  // bufio.ScanLines: split at \n, drop one \r before it.
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length && lines.at(-1) === '') lines.pop();
  let escape = '\\';
  lines.forEach((l, i) => {
    const head = trimLeft(l);
    if (!ESCAPE_LOOSE.test(head)) return;
    const strict = ESCAPE_STRICT.exec(head);
    if (i > 0 || !strict) throw new DockerfileSyntaxError(i + 1, 'an "# escape=" directive is only accepted as the first line, as "# escape=\\" or "# escape=`"');
    escape = strict[1];
  });
  const continuation = new RegExp(`${escape === '\\' ? '\\\\' : '`'}[ \\t]*$`);
  const isComment = (l: string) => trimLeft(l).startsWith('#');
  const out: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    if (isComment(lines[i])) continue;
    let joined = trimLeft(lines[i]);
    let open = continuation.test(joined);
    if (open) joined = joined.replace(continuation, '');
    while (open && i + 1 < lines.length) {
      const next = lines[++i];
      if (isComment(next) || trimLeft(next) === '') continue;
      open = continuation.test(next);
      joined += open ? next.replace(continuation, '') : next;
    }
    // The platform appends its LABEL line to the file: a continuation left open would swallow it.
    if (open) throw new DockerfileSyntaxError(start + 1, `the file ends inside this instruction's line continuation (its last ${escape})`);
    const line = trimSpace(joined);
    if (line === '') continue;
    const cut = SEPARATOR.exec(line);
    const word = cut ? line.slice(0, cut.index) : line;
    const rest = cut ? line.slice(cut.index + cut[0].length) : '';
    // Keywords are ASCII; a lookalike that Go's ToLower and JavaScript's fold differently (İ, ſ…) is refused.
    if (!/^[A-Za-z]+$/.test(word)) throw new DockerfileSyntaxError(start + 1, `unknown instruction "${word.slice(0, 40)}"`);
    out.push({ line: start + 1, keyword: word.toLowerCase(), ...extractBuilderFlags(rest) });
  }
  return out;
}

/** Go's unicode.IsSpace on one byte read as a rune, as extractBuilderFlags does (0x85 and 0xA0 included). */
const isSpaceByte = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r' || c === '\x85' || c === '\xA0';

/**
 * The engine's extractBuilderFlags (line_parsers.go): leading words that start with `--` are
 * flags, with quotes and backslashes resolved, `--` alone ends them. Go walks the UTF-8 bytes
 * one at a time, so this works on the bytes too (a byte 0x85 or 0xA0 inside a character
 * separates words there). Returns the flags without their leading `--`.
 */
export function extractBuilderFlags(text: string): { flags: string[]; args: string } {
  const line = Buffer.from(text, 'utf8').toString('latin1');
  const utf8 = (s: string) => Buffer.from(s, 'latin1').toString('utf8');
  const done = (words: string[], rest: string) => ({ flags: words.map((w) => utf8(w).replace(/^--/, '')), args: utf8(rest) });
  const words: string[] = [];
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let word = '';
  let quote = '';
  let blankOk = false;
  for (let pos = 0; pos <= line.length; pos++) {
    const ch = line[pos] ?? '';
    if (phase === 'spaces') {
      if (pos === line.length) break;
      if (isSpaceByte(ch)) continue;
      if (ch !== '-' || pos + 1 === line.length || line[pos + 1] !== '-') return done(words, line.slice(pos));
      phase = 'word';
    }
    if (pos === line.length) {
      if (word !== '--' && (blankOk || word.length > 0)) words.push(word);
      break;
    }
    if (phase === 'word') {
      if (isSpaceByte(ch)) {
        phase = 'spaces';
        if (word === '--') return done(words, line.slice(pos));
        if (blankOk || word.length > 0) words.push(word);
        word = '';
        blankOk = false;
        continue;
      }
      if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        phase = 'quote';
        continue;
      }
      if (ch === '\\') {
        if (pos + 1 === line.length) continue;
        word += line[++pos];
        continue;
      }
      word += ch;
      continue;
    }
    // in quotes
    if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === '\\') {
      if (pos + 1 === line.length) {
        phase = 'word';
        continue;
      }
      word += line[++pos];
      continue;
    }
    word += ch;
  }
  return done(words, '');
}

/** Every value given to a flag (`from` in `from=x`); the engine's flag names are case-sensitive. */
export function flagValues(flags: string[], name: string): string[] {
  return flags.flatMap((f) => {
    const eq = f.indexOf('=');
    return (eq < 0 ? f : f.slice(0, eq)) === name ? [eq < 0 ? '' : f.slice(eq + 1)] : [];
  });
}

/** Words of an instruction's arguments as FROM and ARG split them (parseStringsWhitespaceDelimited). */
export const words = (args: string): string[] => (args === '' ? [] : args.split(SEPARATOR));
