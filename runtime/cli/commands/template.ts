import path from 'node:path';
import type { Command } from 'commander';
import { stdio } from '../context';
import { CliError } from '../errors';
import { unusedStackFlags } from '../common-flags';
import { compat } from '../flags';
import { loadStack, stackFileName, type StackOptions } from '../stack-file';
import { tabwrite } from '../tabwriter';
import { noInternet, pullTemplates, requireShipped, templatesOfRepository } from '../template-pull';
import { aliasOf } from '../template-aliases';
import { readTemplateYml, shippedLanguages, templatesRoot } from '../templates';

/** The shipped templates as the template store shows them (SOURCE is who made them: this platform). */
const DESCRIPTIONS: Record<string, string> = {
  dockerfile: 'Classic Dockerfile template',
  node: 'Classic NodeJS template',
  python3: 'Classic Python 3 template',
  'python3-http': 'Python 3 HTTP template',
};
const SOURCE = 'faaslab';
const PLATFORM = 'x86_64';

type StoreTemplate = { name: string; language: string; description: string };

function storeTemplates(): StoreTemplate[] {
  return shippedLanguages().map((name) => ({
    name,
    language: readTemplateYml(path.join(templatesRoot(), name)).language ?? name,
    description: DESCRIPTIONS[name] ?? `${name} template`,
  }));
}

/** faas-cli template store list's table (tabwriter, padding 1, a blank line before and after). */
export function formatTemplateStore(templates: StoreTemplate[], verbose = false): string {
  const rows = verbose
    ? ['NAME\tLANGUAGE\tPLATFORM\tSOURCE\tDESCRIPTION', ...templates.map((t) => `${t.name}\t${t.language}\t${PLATFORM}\t${SOURCE}\t${t.description}`)]
    : ['NAME\tSOURCE\tDESCRIPTION', ...templates.map((t) => `${t.name}\t${SOURCE}\t${t.description}`)];
  return `${tabwrite(`\n${rows.join('\n')}\n`)}\n`;
}

/** `faas-cli template pull stack`: the templates the stack file's configuration.templates names. */
async function pullFromStack(o: StackOptions & { overwrite?: boolean }): Promise<void> {
  const file = stackFileName(o.yaml) ?? 'stack.yml';
  const { stack } = await loadStack(file, { envsubst: o.envsubst });
  const wanted = stack.configuration?.templates ?? [];
  if (wanted.length === 0) {
    throw new CliError(`no templates are listed in ${file}`, 'List them under configuration, e.g.\nconfiguration:\n  templates:\n    - name: python3-http');
  }
  for (const t of wanted) {
    stdio.log(`Pulling template: ${t.name} from configuration file: ${file}`);
    if (!shippedLanguages().includes(t.name)) {
      if (t.source && !templatesOfRepository(t.source).includes(t.name)) throw noInternet(t.source);
      if (!t.source) requireShipped(t.name);
    }
    pullTemplates([t.name], Boolean(o.overwrite));
  }
}

/** `faas-cli template pull|store`: offline, the platform's own templates are the repository and the store. */
export function registerTemplate(program: Command): void {
  const template = program.command('template').description('OpenFaaS template store and pull commands (the templates the platform builds with)');

  const pull = template.command('pull')
    .argument('[REPOSITORY_URL]', '"stack" to pull the templates named in the stack file; the workshop\'s repositories (openfaas/templates, openfaas-incubator/python3-debian) are served offline, other git URLs cannot be fetched here')
    .description('Copies the platform\'s templates into ./template (there is no internet here, so no git repository is cloned)')
    .option('--overwrite', 'Overwrite existing templates?')
    .option('--debug', compat('Enable debug output', 'there is no git clone to show'))
    .option('-f, --yaml <file>', 'Path to YAML file describing function(s), for "template pull stack"')
    .option('--regex <regex>', compat('Regex to match with function names in YAML file', 'templates are pulled for the whole stack'))
    .option('--filter <wildcard>', compat('Wildcard to match with function names in YAML file', 'templates are pulled for the whole stack'))
    // Not a flag of faas-cli's template pull: how the stack file is read for "template pull stack".
    .option('--envsubst', 'Substitute environment variables in stack.yml file', true)
    .addHelpText('after', '\nExamples:\n  faas-cli template pull\n  faas-cli template pull --overwrite\n  faas-cli template pull stack -f example.yml')
    .action(async (repository: string | undefined, o: StackOptions & { overwrite?: boolean }) => {
      if (repository === 'stack') return pullFromStack(o);
      const languages = repository ? templatesOfRepository(repository) : shippedLanguages();
      stdio.log(repository ? `Fetch templates from repository: ${repository} (offline: the platform's copy in ${templatesRoot()})` : `Fetch templates from the platform: ${templatesRoot()}`);
      pullTemplates(languages, Boolean(o.overwrite));
      for (const lang of languages) {
        const alias = aliasOf(lang);
        if (alias) stdio.log(`Note: ${alias.note}.`);
      }
    });

  const store = template.command('store').description('Command for pulling and listing templates from the template store (the platform\'s templates)');
  storeFlags(store.command('list').alias('ls').description('List templates from the template store'))
    .option('-v, --verbose', 'Shows additional language and platform')
    .option('-p, --platform <platform>', compat('Shows the platform if the output is verbose', `the platform's templates are for ${PLATFORM}`), PLATFORM)
    .option('-r, --recommended', compat('Shows only recommended templates', ALL_OURS))
    .option('-o, --official', compat('Shows only official templates', ALL_OURS))
    .action((o: { verbose?: boolean }) => stdio.write(formatTemplateStore(storeTemplates(), o.verbose)));

  storeFlags(store.command('describe').argument('<TEMPLATE_NAME>').description('Describe the template'))
    .action((name: string) => {
      const t = storeTemplates().find((s) => s.name === requireShipped(name))!;
      stdio.write(`${tabwrite([
        `Name:\t${t.name}`, `Platform:\t${PLATFORM}`, `Language:\t${t.language}`, `Source:\t${SOURCE}`,
        `Description:\t${t.description}`, `Repository:\t${path.join(templatesRoot(), t.name)}`, 'Official Template:\ttrue', '',
      ].join('\n'))}\n`);
    });

  storeFlags(store.command('pull').argument('<TEMPLATE_NAME>').description('Pull a template from the template store into ./template'))
    .action((name: string, o: { overwrite?: boolean }) => {
      pullTemplates([requireShipped(name)], Boolean(o.overwrite));
    });
}

const ALL_OURS = 'every template here is the platform\'s own, so all are shown';
const TEMPLATE_STORE_URL = 'https://raw.githubusercontent.com/openfaas/store/master/templates.json';

/** The template store's flags: --url, and the --overwrite and --debug that faas-cli copies from template pull to them all. */
function storeFlags(cmd: Command): Command {
  return unusedStackFlags(cmd
    .option('-u, --url <url>', compat('Use as alternative store for templates', 'the template store here is the platform\'s templates, with no internet to fetch another'), TEMPLATE_STORE_URL)
    .option('--overwrite', 'Overwrite existing templates?')
    .option('--debug', compat('Enable debug output', 'there is no git clone to show')));
}
