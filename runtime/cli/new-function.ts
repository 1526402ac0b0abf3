import fs from 'node:fs';
import { appendFunction, stringifyStack, type StackFunction } from '../../lib/stack';

export type NewFunction = {
  name: string;
  lang: string;
  /** The handler folder as given (`--handler`), default the name. */
  handler?: string;
  /** `--prefix` or OPENFAAS_PREFIX. */
  prefix?: string;
  limits?: { memory?: string; cpu?: string };
  requests?: { memory?: string; cpu?: string };
};

const resources = (r: { memory?: string; cpu?: string } | undefined) => (r?.memory || r?.cpu ? Object.fromEntries(Object.entries(r).filter(([, v]) => v)) : undefined);

/** The stack entry `faas-cli new` writes: lang, handler ./<folder>, image [<prefix>/]<name>:latest, and any resources. */
export function newFunctionEntry(f: NewFunction): StackFunction {
  const folder = f.handler || f.name;
  const prefix = f.prefix?.trim();
  const entry: StackFunction = {
    lang: f.lang,
    handler: /^\.{0,2}\//.test(folder) ? folder : `./${folder}`,
    image: `${prefix ? `${prefix}/` : ''}${f.name}:latest`,
  };
  const limits = resources(f.limits);
  const requests = resources(f.requests);
  if (limits) entry.limits = limits;
  if (requests) entry.requests = requests;
  return entry;
}

/** A new stack file with one function (faas-cli 0.12's `<name>.yml`). */
export function newStackText(gateway: string, name: string, entry: StackFunction): string {
  return stringifyStack({ provider: { name: 'openfaas', gateway }, functions: { [name]: entry } });
}

/** The stack file's text with the function added at the end (`--append`); a duplicate name is a StackError. */
export function appendedStackText(text: string, file: string, name: string, entry: StackFunction): string {
  return appendFunction(text, name, entry, { file });
}

/** faas-cli's updateGitignore: make sure `template` and `build` are ignored. */
export function gitignoreWith(content: string, entries = ['template', 'build']): string {
  const present = new Set(content.split('\n').map((l) => l.trim()));
  const missing = entries.filter((e) => !present.has(e));
  if (missing.length === 0) return content;
  return `${content}${content && !content.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`;
}

export function updateGitignore(file = '.gitignore'): void {
  const content = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const updated = gitignoreWith(content);
  if (updated !== content) fs.writeFileSync(file, updated, { mode: 0o644 });
}

/** The OpenFaaS logo faas-cli prints when it creates a function (figlet, as in its version command). */
export const LOGO = String.raw`  ___                   _____           ____
 / _ \ _ __   ___ _ __ |  ___|_ _  __ _/ ___|
| | | | '_ \ / _ \ '_ \| |_ / _` + '`' + String.raw` |/ _` + '`' + String.raw` \___ \
| |_| | |_) |  __/ | | |  _| (_| | (_| |___) |
 \___/| .__/ \___|_| |_|_|  \__,_|\__,_|____/
      |_|
`;
