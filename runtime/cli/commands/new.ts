import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { FUNCTION_NAME_RULE, functionNameSchema } from '../../../lib/stack';
import { gatewayFlag, unusedStackFlags } from '../common-flags';
import { resolveGateway, stdio } from '../context';
import { CliError } from '../errors';
import { appendedStackText, LOGO, newFunctionEntry, newStackText, updateGitignore } from '../new-function';
import { withStackErrors } from '../stack-file';
import { aliasOf, listedAliases } from '../template-aliases';
import { copyTree, ensureLocalTemplate, languagesIn, LOCAL_TEMPLATES, readTemplateYml, shippedLanguages, shippedTemplate, templatesRoot } from '../templates';

type NewOptions = {
  lang?: string; gateway?: string; handler?: string; prefix?: string; list?: boolean; append?: string; quiet?: boolean;
  memoryLimit?: string; cpuLimit?: string; memoryRequest?: string; cpuRequest?: string;
};

/** faas-cli new --list: every language `new` accepts (the platform's, the workshop's aliases, any in ./template), in its format. */
export function formatLanguages(languages: string[]): string {
  return `Languages available as templates:\n${[...new Set(languages)].sort().map((l) => `- ${l}\n`).join('')}\n`;
}

function checkArguments(name: string | undefined, o: NewOptions): { name: string; lang: string } {
  if (!o.lang) throw new CliError('you must supply a function language with the --lang flag', 'For example: faas-cli new --lang python3 hello-openfaas (faas-cli new --list shows the languages).');
  if (!name) throw new CliError('please provide a name for the function', `For example: faas-cli new --lang ${o.lang} hello-openfaas`);
  if (!functionNameSchema.safeParse(name).success) throw new CliError('function name can only contain a-z, 0-9 and dashes', `Use ${FUNCTION_NAME_RULE}.`);
  return { name, lang: o.lang === 'Dockerfile' ? 'dockerfile' : o.lang };
}

/**
 * `faas-cli new NAME --lang L`: the template's starter handler copied into ./NAME (or --handler),
 * and NAME.yml written (or the function appended to --append FILE), as faas-cli 0.12 does.
 * ./template/<lang> is filled from the platform's templates when missing (faas-cli's implicit
 * `template pull`).
 */
async function runNew(nameArg: string | undefined, o: NewOptions): Promise<void> {
  if (o.list) return stdio.write(formatLanguages([...shippedLanguages(), ...listedAliases(), ...languagesIn(LOCAL_TEMPLATES)]));
  const { name, lang } = checkArguments(nameArg, o);
  const templateDir = shippedTemplate(lang);
  const handler = o.handler || name;
  const file = o.append || `${name}.yml`;
  const entry = newFunctionEntry({
    name, lang, handler, prefix: o.prefix ?? process.env.OPENFAAS_PREFIX,
    limits: { memory: o.memoryLimit, cpu: o.cpuLimit }, requests: { memory: o.memoryRequest, cpu: o.cpuRequest },
  });

  let text: string;
  if (o.append) {
    if (!/\.ya?ml$/.test(o.append)) throw new CliError('when appending to a stack the suffix should be .yml or .yaml');
    if (!fs.existsSync(o.append)) throw new CliError(`unable to find file: ${o.append} - no such file or directory`, 'Give --append the stack file to add the function to, e.g. --append=./first.yml');
    text = await withStackErrors(async () => appendedStackText(fs.readFileSync(o.append!, 'utf8'), o.append!, name, entry));
  } else {
    text = newStackText(resolveGateway(o.gateway), name, entry);
  }
  if (fs.existsSync(handler)) throw new CliError(`folder: ${handler} already exists`, 'Choose another name (or --handler), or remove the folder first.');
  if (!o.append && fs.existsSync(file)) {
    throw new CliError(`file: ${file} already exists. Try "faas-cli new --append ${file}" to add a function to the existing stack file`);
  }

  if (ensureLocalTemplate(lang)) stdio.log(`Fetched 1 template(s) : [${lang}] from ${templatesRoot()}`);
  const alias = aliasOf(lang);
  if (alias) stdio.log(`Note: ${alias.note}.`);
  fs.mkdirSync(handler, { recursive: true, mode: 0o755 });
  stdio.log(`Folder: ${handler} created.`);
  updateGitignore();
  copyTree(path.join(templateDir, readTemplateYml(templateDir).handler_folder || 'function'), handler);
  stdio.write(`${LOGO}\n`);
  stdio.log(`\nFunction created in folder: ${handler}`);
  fs.writeFileSync(file, text, { mode: 0o644 });
  stdio.log(o.append ? `Stack file updated: ${file}` : `Stack file written: ${file}`);

  const welcome = o.quiet ? undefined : readTemplateYml(templateDir).welcome_message;
  if (welcome) stdio.write(`\nNotes:\n${welcome.replace(/\n?$/, '\n')}\n`);
}

export function registerNew(program: Command): void {
  const cmd = program
    .command('new')
    .argument('[FUNCTION_NAME]', 'name of the new function')
    .description('Create a new template in the current folder with the name given as name')
    .option('--lang <language>', 'Language or template to use');
  gatewayFlag(cmd, 'Gateway URL to store in YAML stack file')
    .option('--handler <folder>', 'directory the handler will be written to')
    .option('-p, --prefix <prefix>', 'Set prefix for the function image (default: OPENFAAS_PREFIX)')
    .option('--memory-limit <memory>', 'Set a limit for the memory')
    .option('--cpu-limit <cpu>', 'Set a limit for the CPU')
    .option('--memory-request <memory>', 'Set a request or the memory')
    .option('--cpu-request <cpu>', 'Set a request value for the CPU')
    .option('--list', 'List available languages')
    .option('-a, --append <file>', 'Append to existing YAML file')
    .option('-q, --quiet', 'Skip template notes');
  unusedStackFlags(cmd)
    .addHelpText('after', [
      '',
      'Examples:',
      '  faas-cli new --lang python3 hello-openfaas',
      '  faas-cli new --lang python3 second --append=./first.yml',
      '  faas-cli new --lang dockerfile sorter',
      '  faas-cli new --list',
    ].join('\n'))
    .action(runNew);
}
