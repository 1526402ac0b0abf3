import { StackError } from './errors';
import { globToRegExp } from './glob';
import type { Stack } from './schema';

export type FunctionFilter = {
  /** `--filter`: a glob on the function name, e.g. `*-finder`. */
  filter?: string;
  /** `--regex`: a regular expression found anywhere in the name, e.g. `^astro`. */
  regex?: string;
  /** The stack file, named in errors. Default `stack.yml`. */
  file?: string;
};

/** The functions that `--filter` or `--regex` pick, with faas-cli's rules and messages. */
export function filterFunctions(stack: Stack, { filter, regex, file = 'stack.yml' }: FunctionFilter): Stack {
  if (filter && regex) {
    throw new StackError({ file, message: 'pass in a regex or a filter, not both', hint: 'Use either --filter or --regex.' });
  }
  if (!filter && !regex) return stack;
  const match = regex ? compile(regex, file) : globToRegExp(filter ?? '');
  const functions = Object.fromEntries(Object.entries(stack.functions).filter(([name]) => match.test(name)));
  if (Object.keys(functions).length === 0) {
    throw new StackError({
      file,
      message: 'no functions matching --filter/--regex were found in the YAML file',
      hint: `The functions in ${file} are: ${Object.keys(stack.functions).join(', ') || '(none)'}.`,
    });
  }
  return { ...stack, functions };
}

function compile(regex: string, file: string): RegExp {
  // Go's RE2 writes flags inline; JavaScript has no `(?i)`, only the flag.
  const caseless = regex.startsWith('(?i)');
  try {
    return new RegExp(caseless ? regex.slice(4) : regex, caseless ? 'iu' : 'u');
  } catch (err) {
    throw new StackError({
      file,
      message: `--regex ${JSON.stringify(regex)} is not a valid regular expression`,
      hint: 'For example --regex "^astro" picks the functions whose names start with astro.',
      cause: err,
    });
  }
}
