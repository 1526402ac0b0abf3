import fs from 'node:fs';
import path from 'node:path';
import type { Stack, StackFunction } from '../../lib/stack';
import { buildLines, errorExcerpt, queueLine } from './build-output';
import { checkLimits, collectHandlerFiles, formatBytes, packBuildUpload, type BuildSettings } from './build-upload';
import { postBuild } from './builder-client';
import { stdio, type Out } from './context';
import { CliError } from './errors';
import type { Gateway } from './gateway';
import { taggedImage, type TagFormat } from './image-tag';
import { shrinkwrap } from './shrinkwrap';
import { aliasOf, templateFor } from './template-aliases';
import { LOCAL_TEMPLATES, readTemplateYml, sameTree, shippedTemplate } from './templates';

export type BuildFlags = {
  parallel: number;
  noCache: boolean;
  buildArgs: Record<string, string>;
  /** --build-option: added to each function's build_options. */
  buildOptions: string[];
  quiet: boolean;
  shrinkwrap: boolean;
  tag: TagFormat;
};

type Failure = { name: string; message: string; hint?: string };

/**
 * faas-cli build for every function of a stack: `parallel` workers take functions in turn
 * (skip_build ones are skipped with a note); each build is uploaded to the platform's builder
 * and its log streamed. A failed build does not stop the others; all failures are reported at
 * the end and make the command fail.
 */
export async function buildStack(gateway: Gateway, stack: Stack, flags: BuildFlags, out: Out = stdio): Promise<void> {
  const started = Date.now();
  const queue: [string, StackFunction][] = [];
  for (const [name, fn] of Object.entries(stack.functions)) {
    if (fn.skip_build) out.log(`Skipping build of: ${name}.`);
    else queue.push([name, fn]);
  }
  const failures: Failure[] = [];
  const noted = new Set<string>();
  const worker = async (index: number) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [name, fn] = job;
      const began = Date.now();
      out.log(buildLines.start(index, name));
      const log = (line: string) => out.log(buildLines.of(index, flags.parallel > 1, line));
      let ok = true;
      try {
        await buildFunction(gateway, name, fn, flags, log, noted);
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        ok = false;
        failures.push({ name, message: err.message, hint: err.hint });
      }
      out.log(buildLines.done(index, name, Date.now() - began, ok));
    }
    out.log(buildLines.worker(index));
  };
  await Promise.all(Array.from({ length: flags.parallel }, (_, i) => worker(i)));
  out.log('');
  out.log(buildLines.total(Date.now() - started));
  if (failures.length) {
    const hints = [...new Set(failures.map((f) => f.hint).filter(Boolean))];
    throw new CliError(`Errors received during build:\n${failures.map((f) => `- ${f.name}: ${f.message}`).join('\n')}`, hints.join('\n') || undefined);
  }
}

/** Build one function: check it here, then upload its handler folder and follow the build. */
async function buildFunction(gateway: Gateway, name: string, fn: StackFunction, flags: BuildFlags, log: (line: string) => void, noted: Set<string>): Promise<void> {
  const lang = fn.lang ?? '';
  const handler = fn.handler ?? '';
  if (!lang) throw new CliError('Please provide a valid language for your function.', `Add lang: (e.g. lang: python3) under ${name} in the stack file.`);
  const templateDir = shippedTemplate(lang);
  if (!fs.existsSync(handler) || !fs.statSync(handler).isDirectory()) {
    throw new CliError(`building ${fn.image}, ${handler} is an invalid path`, `handler: names the folder with ${name}'s code, relative to this folder (${process.cwd()}).`);
  }
  const image = taggedImage(flags.tag, fn.image, handler);
  const buildArgs = { ...fn.build_args, ...buildOptionArgs(lang, templateDir, [...new Set([...(fn.build_options ?? []), ...flags.buildOptions])]), ...flags.buildArgs };
  const files = collectHandlerFiles(handler);
  checkLimits(handler, files);
  const shown = `${handler.replace(/\/+$/, '')}/`;

  if (flags.shrinkwrap) {
    const dir = shrinkwrap(name, lang, templateDir, files, log);
    log(`Preparing ${shown} ${dir}${lang === 'dockerfile' ? '' : 'function'}`);
    log(`Building: ${image} with ${lang} template. Please wait..`);
    log(`${name} shrink-wrapped to ${dir}`);
    return;
  }

  log(`Building: ${image} with ${lang} template. Please wait..`);
  noteAlias(lang, log, noted);
  noteLocalTemplate(lang, templateDir, log, noted);
  for (const s of files.skipped) log(`Skipping ${path.join(handler, s)}`);
  log(`Uploading ${shown} to the platform's builder (${files.files} file${files.files === 1 ? '' : 's'}, ${formatBytes(files.bytes)})`);
  const settings: BuildSettings = { name, lang: templateFor(lang), image };
  if (Object.keys(buildArgs).length) settings.buildArgs = buildArgs;
  if (flags.noCache) settings.noCache = true;
  try {
    await postBuild(gateway, await packBuildUpload(files, settings), (e) => {
      if (e.type === 'queue') log(queueLine(e.position));
      else if (e.type === 'log' && !flags.quiet) log(e.line);
      else if (e.type === 'error') excerptLines(e.detail, handler).forEach(log);
    });
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`building ${image}: ${(err as Error).message}`);
  }
  log(`Image: ${image} built.`);
}

/**
 * The excerpt of a build error (e.g. Python's SyntaxError with its caret), with the file named
 * from here (`./hello-openfaas/handler.py`, not the builder's `handler.py`).
 */
function excerptLines(detail: unknown, handler: string): string[] {
  const excerpt = errorExcerpt(detail);
  if (!excerpt) return [];
  return excerpt.replace(/File "([^"]+)"/, (_, file: string) => `File "${handler.replace(/\/+$/, '')}/${file}"`).split('\n');
}

/**
 * faas-cli's build_options: names from the template's template.yml whose packages go to the
 * build as ADDITIONAL_PACKAGE; a name the template does not offer is an error.
 */
function buildOptionArgs(lang: string, templateDir: string, options: string[]): Record<string, string> {
  if (options.length === 0) return {};
  const offered = readTemplateYml(templateDir).build_options ?? [];
  const packages: string[] = [];
  for (const option of options) {
    const found = offered.find((o) => o.name === option);
    if (!found) {
      throw new CliError(`You're using a build option unavailable for ${lang}. Please check /template/${lang}/template.yml for supported build options`,
        offered.length ? `The ${lang} template offers: ${offered.map((o) => o.name).join(', ')}.` : `The ${lang} template here offers no build options: remove build_options from the stack file.`);
    }
    packages.push(...(found.packages ?? []));
  }
  return packages.length ? { ADDITIONAL_PACKAGE: [...new Set(packages)].join(' ') } : {};
}

/** Once per language: a local ./template/<lang> that differs from the platform's is not what gets built. */
/** Once per command and alias: which platform template serves a workshop name such as `python`. */
function noteAlias(lang: string, log: (line: string) => void, noted: Set<string>): void {
  const alias = aliasOf(lang);
  if (!alias || noted.has(`alias:${lang}`)) return;
  noted.add(`alias:${lang}`);
  log(`Note: ${alias.note}.`);
}

function noteLocalTemplate(lang: string, templateDir: string, log: (line: string) => void, noted: Set<string>): void {
  const local = path.join(LOCAL_TEMPLATES, lang);
  if (noted.has(lang) || !fs.existsSync(local)) return;
  noted.add(lang);
  if (!sameTree(local, templateDir)) {
    log(`Note: ./${local} differs from the platform's ${lang} template. The platform builds with its own, so changes in ./${local} are not used.`);
  }
}
