import { Option, type Command } from 'commander';
import { CliError } from './errors';

/**
 * faas-cli is a Go program (cobra/pflag); these give our commander commands the same flag
 * habits, so commands copied from the workshop work: `--follow=false`, repeatable `-e k=v`,
 * durations like `5m`.
 */

const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

/**
 * Let boolean flags take Go's `--flag=true|false` form: commander only knows `--flag`, so the
 * command's arguments are rewritten to `--flag` / `--no-flag` (added here, hidden from help)
 * before it parses them. Without `names`, every boolean flag of the command (as it is when
 * parsing starts) takes them.
 */
export function acceptGoBooleans(cmd: Command, names?: string[]): Command {
  const parse = cmd.parseOptions.bind(cmd);
  cmd.parseOptions = (argv: string[]) => {
    const bools = names ?? booleanFlagNames(cmd);
    for (const name of bools) {
      if (!cmd.options.some((o) => o.long === `--no-${name}`)) cmd.addOption(new Option(`--no-${name}`).hideHelp());
    }
    const negated = names ? [] : cmd.options.filter((o) => o.negate && !o.hidden).map((o) => o.long!.slice(2));
    return parse(rewriteGoBooleans(argv, bools, negated));
  };
  return cmd;
}

/** The command's boolean flags (no value, not a --no-x negation), by long name without the dashes. */
export function booleanFlagNames(cmd: Command): string[] {
  return cmd.options.filter((o) => !o.required && !o.optional && !o.negate && o.long).map((o) => o.long!.slice(2));
}

/**
 * Check a command's arguments before commander parses them (e.g. to explain a flag that
 * faas-cli does not have); `check` throws a CliError to stop.
 */
export function checkArguments(cmd: Command, check: (argv: string[]) => void): Command {
  const parse = cmd.parseOptions.bind(cmd);
  cmd.parseOptions = (argv: string[]) => {
    const end = argv.indexOf('--');
    check(end < 0 ? argv : argv.slice(0, end));
    return parse(argv);
  };
  return cmd;
}

/**
 * `--x=true|false` as commander's `--x` / `--no-x`. A `negated` flag is one whose Go name
 * starts with no- (--no-cache): true gives it, false leaves it out.
 */
export function rewriteGoBooleans(argv: string[], names: string[], negated: string[] = []): string[] {
  const out: string[] = [];
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') return [...out, ...argv.slice(i)];
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (!m || !(names.includes(m[1]) || negated.includes(m[1]))) {
      out.push(arg);
      continue;
    }
    const on = TRUE.has(m[2]);
    if (!on && !FALSE.has(m[2])) throw new CliError(`invalid argument "${m[2]}" for "--${m[1]}" flag: use --${m[1]}=true or --${m[1]}=false`);
    if (!negated.includes(m[1])) out.push(on ? `--${m[1]}` : `--no-${m[1]}`);
    else if (on) out.push(`--${m[1]}`);
  }
  return out;
}

/** Commander argument parser for a repeatable option (`-H a=1 -H b=2`). */
export const repeatable = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * faas-cli's parseMap for `-e`, `-l`, `--annotation`: KEY=VALUE pairs into a map, later ones
 * winning; an empty key or value is an error naming the flag.
 */
export function parseKeyValues(pairs: string[], keyName: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const pair of pairs) {
    const trimmed = pair.trim();
    const i = trimmed.indexOf('=');
    if (i < 0) throw new CliError(`${keyName} format is not correct, needs key=value: "${pair}"`);
    const key = trimmed.slice(0, i);
    const value = trimmed.slice(i + 1);
    if (!key) throw new CliError(`empty ${keyName} name: [${pair}]`);
    if (!value) throw new CliError(`empty ${keyName} value: [${pair}]`);
    result[key] = value;
  }
  return result;
}

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go duration ("300ms", "5m", "1h30m", "1.5h") in milliseconds, or null when it is not one. */
export function parseGoDuration(text: string): number | null {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(text);
  if (text === '0') return 0;
  if (!m) return null;
  let ms = 0;
  for (const part of text.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    ms += Number(part[1]) * DURATION_UNITS[part[2]];
  }
  return m[1] === '-' ? -ms : ms;
}
