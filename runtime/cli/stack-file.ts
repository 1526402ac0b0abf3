import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { Command } from 'commander';
import { filterFunctions, loadEnvironmentFiles, StackError, validateStack, type Stack } from '../../lib/stack';
import { stdio } from './context';
import { CliError } from './errors';
import { mirrorNote, readMirrored, type Mirrored } from './mirror';

/** What the stack-file commands share: -f, --filter, --regex, --envsubst. */
export type StackOptions = { yaml?: string; filter?: string; regex?: string; envsubst?: boolean };
export type LoadedStack = { file: string; stack: Stack };

/** faas-cli's default stack files, in the order it looks for them (0.17: stack.yaml first, commands/faas.go). */
export const DEFAULT_STACK_FILES = ['stack.yaml', 'stack.yml'];

const NO_INTERNET = 'This sandbox has no internet: -f only reaches URLs inside it (such as http://gateway:8080/function/<name>) and the few well-known workshop URLs FaaS Lab mirrors (see docs/store.md). Save the file in your workspace and give its name to -f instead.';

export function addStackOptions(cmd: Command): Command {
  return cmd
    .option('-f, --yaml <file>', 'Path to YAML file describing function(s), or an http(s) URL (default "stack.yml")')
    .option('--filter <wildcard>', 'Wildcard to match with function names in YAML file')
    .option('--regex <regex>', 'Regex to match with function names in YAML file')
    .option('--envsubst', 'Substitute environment variables in stack.yml file (--envsubst=false to turn off)', true);
}

const isUrl = (name: string) => /^https?:\/\//i.test(name);

/** The stack file a command reads: -f, else stack.yaml, else stack.yml; null when there is none. */
export function stackFileName(flag: string | undefined, exists: (file: string) => boolean = fs.existsSync): string | null {
  if (flag) return flag;
  return DEFAULT_STACK_FILES.find((f) => exists(f)) ?? null;
}

/** A StackError as the CLI prints it (`file:line:col: path: message`, then the hint); anything else as it is. */
function asCliError(err: unknown): unknown {
  return err instanceof StackError ? new CliError(err.toString(), err.hint) : err;
}

const MAX_SHOWN = 3;

/** The first problems of a stack file, each with its hint, as one error (the first one's hint follows it). */
function stackErrors(errors: StackError[]): CliError {
  const [first, ...rest] = errors;
  const more = rest.slice(0, MAX_SHOWN - 1).map((e) => `${e.toString()}${e.hint ? `\n${e.hint}` : ''}`);
  if (rest.length >= MAX_SHOWN) more.push(`(and ${rest.length - MAX_SHOWN + 1} more)`);
  return new CliError(first.toString(), [first.hint, ...more].filter(Boolean).join('\n') || undefined);
}

export async function withStackErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw asCliError(err);
  }
}

function stackFilesHere(): string {
  const found = fs.readdirSync('.').filter((f) => /\.ya?ml$/.test(f)).sort();
  return found.length ? ` Stack files in this folder: ${found.join(', ')}.` : ' There are no .yml files in this folder: cd to the folder of your stack file, or create one with faas-cli new.';
}

/** The text of a stack file, from the workspace, the offline mirror or an http(s) URL. */
export async function readStackText(file: string): Promise<string> {
  return (await readStackSource(file)).text;
}

async function readStackSource(file: string): Promise<{ text: string; mirrored?: Mirrored }> {
  if (isUrl(file)) {
    const mirrored = readMirrored(file);
    if (mirrored) return { text: mirrored.text, mirrored };
    return { text: await fetchText(file) };
  }
  try {
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot find the stack file ${file}`, `Name it with -f, e.g. -f hello-openfaas.yml.${stackFilesHere()}`);
    throw new CliError(`cannot read the stack file ${file}: ${code ?? (err as Error).message}`);
  }
}

/** GET `url` (inside the sandbox only: outside it fails with the no-internet hint); `what` names it in errors. */
export function fetchText(url: string, timeoutMs = 10_000, what = 'the stack file'): Promise<string> {
  const lib = url.toLowerCase().startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.get(url, { timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode === 200) return resolve(Buffer.concat(chunks).toString('utf8'));
        reject(new CliError(`cannot fetch ${what} ${url}: the server answered ${res.statusCode}`, 'Check the URL; it must serve the file itself.'));
      });
    });
    req.on('timeout', () => req.destroy(new CliError(`cannot fetch ${what} ${url}: no answer within ${timeoutMs / 1000} s`, NO_INTERNET)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      reject(err instanceof CliError ? err : new CliError(`cannot fetch ${what} ${url}: ${err.code ?? err.message}`, NO_INTERNET));
    });
  });
}

/**
 * Read, substitute (${VAR} from this shell's environment, as faas-cli does), check and filter a
 * stack file. Problems in it come back as `file:line:col: path: message` with a hint.
 */
export async function loadStack(file: string, opts: StackOptions): Promise<LoadedStack> {
  return withStackErrors(async () => {
    const { text, mirrored } = await readStackSource(file);
    if (mirrored) stdio.error(mirrorNote(mirrored));
    const { stack, errors } = validateStack(text, { file, env: process.env, envsubst: opts.envsubst !== false });
    if (!stack) throw stackErrors(errors);
    const chosen = filterFunctions(stack, { filter: opts.filter, regex: opts.regex, file });
    return { file, stack: mirrored ? withoutSkipped(chosen, mirrored.skip) : chosen };
  });
}

/** A mirrored stack without the functions that cannot run offline, each skipped with its reason. */
function withoutSkipped(stack: Stack, skip: Record<string, string>): Stack {
  const functions = { ...stack.functions };
  for (const [name, reason] of Object.entries(skip)) {
    if (!(name in functions)) continue;
    delete functions[name];
    stdio.error(`Skipping ${name}: ${reason}.`);
  }
  return { ...stack, functions };
}

/** The stack named by -f, else the default file (stack.yaml, stack.yml); none is an error. */
export async function requireStack(opts: StackOptions): Promise<LoadedStack> {
  const file = stackFileName(opts.yaml);
  if (!file) throw new CliError('cannot find the stack file stack.yml', `Name the stack file with -f, e.g. -f hello-openfaas.yml.${stackFilesHere()}`);
  return loadStack(file, opts);
}

/** Each function's environment_file entries merged into its environment (read from this folder, as faas-cli 0.12 does). */
export async function withEnvironmentFiles(stack: Stack): Promise<Stack> {
  return withStackErrors(() => loadEnvironmentFiles(stack, (p) => fs.readFileSync(p, 'utf8')));
}
