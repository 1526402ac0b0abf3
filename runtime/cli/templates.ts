import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { CliError } from './errors';
import { refusalOf, templateFor } from './template-aliases';

/**
 * The templates the platform builds with, shipped in the shell image (a copy of the repo's
 * templates/). They stand in for github.com/openfaas/templates: there is no internet here, and
 * the platform's builder only knows these, so they are both the "template repository" and the
 * "template store" of this faas-cli.
 */
const DEFAULT_TEMPLATES = '/usr/share/faaslab/templates';
/** faas-cli's ./template folder, next to the stack files. */
export const LOCAL_TEMPLATES = 'template';

export function templatesRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.FAASLAB_TEMPLATES || DEFAULT_TEMPLATES;
}

/** The languages in a templates folder: its sub-folders with a template.yml, sorted. */
export function languagesIn(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, 'template.yml'))).map((e) => e.name).sort();
}

export function shippedLanguages(root = templatesRoot()): string[] {
  const found = languagesIn(root);
  if (found.length === 0) {
    throw new CliError(`no templates found in ${root}`, 'The templates ship with this shell; if they are missing, tell your instructor.');
  }
  return found;
}

/**
 * The shipped template of a language (an alias such as `python` gives the template it names),
 * or faas-cli's "unavailable" error naming the ones there are.
 */
export function shippedTemplate(lang: string, root = templatesRoot()): string {
  const languages = shippedLanguages(root);
  const template = templateFor(lang);
  if (!languages.includes(template)) {
    const refused = refusalOf(lang);
    if (refused) throw new CliError(`${lang} is not available here: ${refused.why}`, `Use lang: ${refused.instead} instead (faas-cli new --lang ${refused.instead} <name>); faas-cli new --list shows them all.`);
    throw new CliError(`${lang} is unavailable or not supported`, `The languages available here are: ${languages.join(', ')}.`);
  }
  return path.join(root, template);
}

const templateYmlSchema = z.looseObject({
  language: z.string().optional(),
  fprocess: z.string().optional(),
  welcome_message: z.string().optional(),
  handler_folder: z.string().optional(),
  build_options: z.array(z.looseObject({ name: z.string(), packages: z.array(z.string()).nullish() })).nullish(),
});
export type TemplateYml = z.infer<typeof templateYmlSchema>;

/** A template's template.yml (faas-cli's LanguageTemplate); unknown keys are ignored, as faas-cli does. */
export function readTemplateYml(templateDir: string): TemplateYml {
  const file = path.join(templateDir, 'template.yml');
  const parsed = templateYmlSchema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')) ?? {});
  if (!parsed.success) throw new CliError(`error reading language template ${file}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Copy a folder's regular files and sub-folders (links and devices are left out), keeping the executable bit. */
export function copyTree(src: string, dest: string): void {
  fs.mkdirSync(dest, { recursive: true });
  for (const e of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, e.name);
    const to = path.join(dest, e.name);
    if (e.isDirectory()) copyTree(from, to);
    else if (e.isFile()) {
      fs.copyFileSync(from, to);
      fs.chmodSync(to, fs.statSync(from).mode & 0o777);
    }
  }
}

/** True when two folders hold the same files with the same contents. */
export function sameTree(a: string, b: string): boolean {
  const list = (dir: string, rel = ''): string[] =>
    fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return list(dir, r);
      return e.isFile() ? [r] : [];
    });
  try {
    const files = list(a).sort();
    const other = list(b).sort();
    return files.length === other.length
      && files.every((f, i) => f === other[i] && fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))));
  } catch {
    return false;
  }
}

/**
 * Put the shipped template of `lang` in ./template/<lang> unless one is there: what faas-cli's
 * implicit `template pull` does before `new`. True when it copied.
 */
export function ensureLocalTemplate(lang: string, root = templatesRoot()): boolean {
  const dest = path.join(LOCAL_TEMPLATES, lang);
  if (fs.existsSync(dest)) return false;
  copyTree(shippedTemplate(lang, root), dest);
  return true;
}
