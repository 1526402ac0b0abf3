import fs from 'node:fs';
import path from 'node:path';
import { stdio, type Out } from './context';
import { CliError } from './errors';
import { knownRepository, refusalOf } from './template-aliases';
import { copyTree, LOCAL_TEMPLATES, shippedLanguages, shippedTemplate, templatesRoot } from './templates';

/**
 * faas-cli's moveTemplates: copy templates into ./template, leaving the ones already there
 * unless `overwrite`; prints faas-cli's "Cannot overwrite …" and "Fetched N template(s)" lines.
 */
export function pullTemplates(languages: string[], overwrite: boolean, out: Out = stdio, root = templatesRoot()): string[] {
  const kept: string[] = [];
  const fetched: string[] = [];
  for (const lang of languages) {
    const dest = path.join(LOCAL_TEMPLATES, lang);
    if (fs.existsSync(dest) && !overwrite) {
      kept.push(lang);
      continue;
    }
    fs.rmSync(dest, { recursive: true, force: true });
    copyTree(shippedTemplate(lang, root), dest);
    fetched.push(lang);
  }
  if (kept.length) out.log(`Cannot overwrite the following ${kept.length} template(s): [${kept.join(' ')}]`);
  out.log(`Fetched ${fetched.length} template(s) : [${fetched.join(' ')}] from ${root}`);
  return fetched;
}

/** No internet: a template repository URL cannot be cloned; say what there is instead. */
export function noInternet(source: string): CliError {
  return new CliError(
    `cannot fetch templates from ${source}: there is no internet here; these templates are available: ${shippedLanguages().join(', ')}`,
    'Get them with: faas-cli template pull (no URL, or the workshop\'s https://github.com/openfaas/templates or https://github.com/openfaas-incubator/python3-debian), or one with: faas-cli template store pull <name>',
  );
}

/**
 * `faas-cli template pull <url>`: the workshop's repositories (github.com/openfaas/templates,
 * openfaas-incubator/python3-debian) give the templates that stand for them here; any other URL
 * cannot be cloned.
 */
export function templatesOfRepository(url: string): string[] {
  const known = knownRepository(url);
  if (!known) throw noInternet(url);
  return known === 'all' ? shippedLanguages() : known;
}

/** A template of the platform by name, or faas-cli's store error naming the ones there are. */
export function requireShipped(name: string): string {
  const languages = shippedLanguages();
  const refused = refusalOf(name);
  if (refused && !languages.includes(name)) {
    throw new CliError(`template ${name} is not available here: ${refused.why}`, `Use the ${refused.instead} template instead: faas-cli template store pull ${refused.instead}, then faas-cli new --lang ${refused.instead} <name>.`);
  }
  if (!languages.includes(name)) {
    throw new CliError(`template with name: \`${name}\` does not exist in the repo`, `The templates here are: ${languages.join(', ')} (faas-cli template store list).`);
  }
  return name;
}
