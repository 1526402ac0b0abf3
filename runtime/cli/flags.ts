import { Option } from 'commander';
import { CliError } from './errors';
import { parseGoDuration, repeatable } from './go-flags';

/**
 * The pflag types faas-cli's flags have, for options commander cannot tell apart by itself:
 * commander knows a flag with no value (bool), and we know our repeatable parser
 * (stringArray); int, duration and timestamp options are made here and remember their type,
 * so the flag table test (openfaas-flags.test.ts) can compare them with faas-cli's.
 */
export type FlagType = 'bool' | 'string' | 'int' | 'duration' | 'timestamp' | 'stringArray';

const declared = new WeakMap<Option, FlagType>();

export function flagType(o: Option): FlagType {
  const known = declared.get(o);
  if (known) return known;
  if (!o.required && !o.optional) return 'bool';
  return o.parseArg === repeatable ? 'stringArray' : 'string';
}

const typed = (o: Option, type: FlagType): Option => {
  declared.set(o, type);
  return o;
};

/** pflag's wording for a value that does not parse. */
export const invalidFlag = (value: string, flag: string, why: string) => new CliError(`invalid argument "${value}" for "${flag}" flag: ${why}`);

/** An int flag (pflag IntVar): a whole number, given as text, parsed to a number. */
export function intOption(flags: string, help: string, def: number): Option {
  const o = new Option(flags, help).default(def);
  return typed(o.argParser((v: string) => {
    if (!/^[-+]?\d+$/.test(v)) throw invalidFlag(v, o.long!, `strconv.ParseInt: parsing "${v}": invalid syntax`);
    return Number(v);
  }), 'int');
}

/** A duration flag (pflag DurationVar): Go text such as 30s, 1m0s or 1h30m, parsed to milliseconds. */
export function durationOption(flags: string, help: string, def: string): Option {
  const o = new Option(flags, help).default(parseGoDuration(def), def);
  return typed(o.argParser((v: string) => {
    const ms = parseGoDuration(v);
    if (ms === null) throw invalidFlag(v, o.long!, /^[-+]?[\d.]+$/.test(v) ? `time: missing unit in duration "${v}"` : `time: invalid duration "${v}"`);
    return ms;
  }), 'duration');
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;

/** A timestamp flag (faas-cli flags.TimestampFlag): an RFC 3339 time, checked as it is given. */
export function timestampOption(flags: string, help: string): Option {
  const o = new Option(flags, help);
  return typed(o.argParser((v: string) => {
    if (!RFC3339.test(v) || Number.isNaN(Date.parse(v))) throw invalidFlag(v, o.long!, `parsing time "${v}" as RFC 3339 (e.g. 2024-05-01T10:00:00Z)`);
    return v;
  }), 'timestamp');
}

/** The help text of a flag faas-cli has that cannot do anything here, and why. */
export const compat = (help: string, why: string) => `${help} (accepted for compatibility; has no effect here: ${why})`;
