import http from 'node:http';
import type { Command } from 'commander';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { addSettingFlags } from '../deployment';
import { Gateway } from '../gateway';
import { acceptGoBooleans, parseKeyValues } from '../go-flags';
import { findStoreItem, readCatalog, type StoreItem } from '../store';
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

type DeployOptions = {
  gateway?: string; name?: string; env?: string[]; label?: string[]; annotation?: string[];
  constraint?: string[]; secret?: string[]; replace: boolean; update: boolean;
};

const json = (body: unknown) => ({ auth: true, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' }, timeoutMs: 120_000 });

/**
 * Deploy a store function as faas-cli's deployImage does: --replace removes it first; --update
 * (the default) tries PUT and falls back to POST when the function is new. The store's
 * environment, labels and annotations come first; the flags' values win over them.
 */
async function deployStoreItem(gateway: Gateway, item: StoreItem, o: DeployOptions): Promise<void> {
  const name = o.name || item.name;
  const spec = {
    service: name,
    image: item.image,
    envProcess: item.fprocess,
    envVars: { ...item.environment, ...parseKeyValues(o.env ?? [], 'env') },
    labels: { ...item.labels, ...parseKeyValues(o.label ?? [], 'label') },
    annotations: { ...item.annotations, ...parseKeyValues(o.annotation ?? [], 'annotation') },
    constraints: o.constraint ?? [],
    secrets: o.secret ?? [],
  };
  if (o.replace) {
    const res = await gateway.request('DELETE', '/system/functions', json({ functionName: name }));
    if (res.status !== 404) Gateway.expect(res, [200, 201, 202], `cannot remove ${name}`);
    stdio.log(res.status === 404 ? 'No existing function to remove' : 'Removing old function.');
  }
  let res = o.update && !o.replace ? await gateway.request('PUT', '/system/functions', json(spec)) : null;
  if (!res || res.status === 404) res = await gateway.request('POST', '/system/functions', json(spec));
  else if (res.status === 200) stdio.log(`Function ${name} already exists, attempting rolling-update.`);
  stdio.log('');
  if (res.status < 200 || res.status > 202) {
    stdio.log(`Unexpected status: ${res.status}, message: ${res.body.toString('utf8').trim()}`);
    throw new CliError(`Function '${name}' failed to deploy with status code: ${res.status}`);
  }
  stdio.log(`Deployed. ${res.status} ${http.STATUS_CODES[res.status] ?? ''}.`);
  stdio.log(`URL: ${gateway.url}/function/${name}`);
  stdio.log('');
}

/** `faas-cli store list|describe|deploy`, from the shell's offline catalog. */
export function registerStore(program: Command): void {
  const store = program.command('store').description('OpenFaaS store commands (an offline copy of the function store)');

  store.command('list').alias('ls').description('List available OpenFaaS functions in a store')
    .option('-v, --verbose', 'Enable verbose output to see the full description of each function in the store')
    .action((opts: { verbose?: boolean }) => stdio.write(formatStoreList(readCatalog(), opts.verbose)));

  store.command('describe').alias('inspect').argument('<NAME>', 'function name or title').description('Show details of OpenFaaS function from a store')
    .action((wanted: string) => stdio.write(formatStoreItem(findStoreItem(readCatalog(), wanted))));

  const deploy = addSettingFlags(store.command('deploy').argument('<NAME>', 'function name or title').description('Deploy OpenFaaS functions from a store'))
    .option('--name <name>', 'Name of the deployed function (overriding name from the store)')
    .option('--replace', 'Remove and re-create any existing function', false)
    .option('--update', 'Update existing functions (--update=false to only create)', true)
    .addHelpText('after', '\nExamples:\n  faas-cli store deploy figlet\n  faas-cli store deploy figlet --name banner --env=MYVAR=myval')
    .action(async (wanted: string, opts: DeployOptions) => deployStoreItem(gatewayFor(opts.gateway), findStoreItem(readCatalog(), wanted), opts));
  acceptGoBooleans(deploy, ['replace', 'update']);
}
