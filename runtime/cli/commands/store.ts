import type { Command } from 'commander';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { unusedStackFlags } from '../common-flags';
import { sendDeployment } from '../deploy-client';
import { addSettingFlags, deployTimeout, functionDeployment, resourcesFromFlags, type DeploymentFlags, type ResourceFlags } from '../deployment';
import { compat } from '../flags';
import type { Gateway } from '../gateway';
import { mirrorNote, readMirrored } from '../mirror';
import { fetchText } from '../stack-file';
import { DEFAULT_STORE_URL, findStoreItem, parseStore, readCatalog, type StoreItem } from '../store';
import { tabwrite } from '../tabwriter';

const MAX_DESCRIPTION = 40;

/** faas-cli store list's table: FUNCTION (the title) and DESCRIPTION, cut to 40 characters unless verbose. */
export function formatStoreList(items: StoreItem[], verbose = false): string {
  if (!items.length) return 'The store is empty.\n';
  const describe = (d: string) => (!verbose && d.length > MAX_DESCRIPTION ? `${d.slice(0, MAX_DESCRIPTION - 3)}...` : d);
  return tabwrite(`\nFUNCTION\tDESCRIPTION\n${items.map((i) => `${i.title || i.name}\t${describe(i.description)}\n`).join('')}\n`);
}

/** Greedy word wrap at `width` columns (go-wordwrap's WrapString, which faas-cli uses). */
export function wordWrap(text: string, width = 80): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** faas-cli store describe's block (commands/store_describe.go). */
export function formatStoreItem(item: StoreItem): string {
  const section = (heading: string, m: Record<string, string>) =>
    Object.keys(m).length ? `${heading}:\n${Object.entries(m).map(([k, v]) => `- \t${k}:\t${v}\n`).join('')}\n` : '';
  return tabwrite([
    `Title:\t${item.title || item.name}\n`,
    item.author ? `Author:\t${item.author}\n` : '',
    `Description:\t\n${wordWrap(item.description)}\n\n`,
    `Image:\t${item.image}\n`,
    `Process:\t${item.fprocess}\n`,
    item.repo_url ? `Repo URL:\t${item.repo_url}\n` : '',
    section('Environment', item.environment),
    section('Labels', item.labels),
    section('Annotations', item.annotations),
  ].join(''));
}

type DeployOptions = DeploymentFlags & ResourceFlags & { gateway?: string; name?: string; replace: boolean; update: boolean; timeout: number; url: string };

/**
 * Deploy a store function as faas-cli store deploy does (the same deploy as faas-cli deploy's):
 * the store's environment, labels and annotations first, the flags' values winning over them.
 */
async function deployStoreItem(gateway: Gateway, item: StoreItem, o: DeployOptions, timeoutMs: number): Promise<void> {
  const name = o.name || item.name;
  const fn = { image: item.image, fprocess: item.fprocess, environment: item.environment, labels: item.labels, annotations: item.annotations, ...resourcesFromFlags(o) };
  const failure = await sendDeployment(gateway, functionDeployment(name, fn, item.image, o), { replace: o.replace, update: o.update, timeoutMs });
  if (failure) throw new CliError(`Function '${name}' failed to deploy with status code: ${failure.status}`, failure.hint);
}

/**
 * The store a command reads: the shell's offline catalog unless --url is given; a --url that is
 * mirrored (the store's own functions.json is) comes from the mirror with a note; any other
 * URL is fetched, which only works inside the sandbox.
 */
async function storeItems(cmd: Command, url: string): Promise<StoreItem[]> {
  if (cmd.getOptionValueSource('url') !== 'cli') return readCatalog();
  const mirrored = readMirrored(url);
  if (mirrored) {
    stdio.error(mirrorNote(mirrored));
    return parseStore(mirrored.text, url);
  }
  return parseStore(await fetchText(url, 10_000, 'the function store'), url);
}

const PLATFORM = 'the offline store has the images for this sandbox\'s platform';

/** The store's persistent flags (-u, -p) and faas-cli's (-f, --regex, --filter). */
const storeFlags = (cmd: Command) => unusedStackFlags(cmd
  .option('-u, --url <url>', 'Alternative Store URL starting with http(s):// (the default is answered from the offline copy)', DEFAULT_STORE_URL)
  .option('-p, --platform <platform>', compat('Target platform for store', PLATFORM)));

/** `faas-cli store list|describe|deploy`, from the shell's offline catalog. */
export function registerStore(program: Command): void {
  const store = program.command('store').description('OpenFaaS store commands (an offline copy of the function store)');

  storeFlags(store.command('list').alias('ls').description('List available OpenFaaS functions in a store'))
    .option('-v, --verbose', 'Enable verbose output to see the full description of each function in the store')
    .action(async (opts: { verbose?: boolean; url: string }, cmd: Command) => stdio.write(formatStoreList(await storeItems(cmd, opts.url), opts.verbose)));

  storeFlags(store.command('describe').alias('inspect').argument('<NAME>', 'function name or title').description('Show details of OpenFaaS function from a store'))
    .action(async (wanted: string, opts: { url: string }, cmd: Command) => stdio.write(formatStoreItem(findStoreItem(await storeItems(cmd, opts.url), wanted))));

  const deploy = storeFlags(addSettingFlags(store.command('deploy').argument('<NAME>', 'function name or title').description('Deploy OpenFaaS functions from a store')))
    .option('--name <name>', 'Name of the deployed function (overriding name from the store)')
    .option('--replace', 'Replace any existing function', false)
    .option('--update', 'Update existing functions (--update=false to only create)', true)
    .addHelpText('after', '\nExamples:\n  faas-cli store deploy figlet\n  faas-cli store deploy figlet --name banner --env=MYVAR=myval');
  deploy.action(async (wanted: string, opts: DeployOptions) =>
    deployStoreItem(gatewayFor(opts.gateway), findStoreItem(await storeItems(deploy, opts.url), wanted), opts, deployTimeout(deploy, opts.timeout)));
}
