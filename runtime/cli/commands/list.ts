import type { Command } from 'commander';
import { checkNamespace, gatewayFlag, namespaceFlag, tlsFlag, tokenFlag, unusedStackFlags } from '../common-flags';
import { gatewayFor, stdio } from '../context';
import { listFunctions, type FunctionStatus } from '../functions';
import { padRight } from '../tabwriter';

/** faas-cli list's table (commands/list.go): Go printf columns separated by tabs, long images cut to 40. */
export function formatFunctionList(functions: FunctionStatus[], opts: { verbose?: boolean; quiet?: boolean } = {}): string[] {
  const count = (f: FunctionStatus) => String(Math.trunc(f.invocationCount));
  if (opts.quiet) return functions.map((f) => f.name);
  if (opts.verbose) {
    const image = (f: FunctionStatus) => (f.image.length > 40 ? `${f.image.slice(0, 38)}..` : f.image);
    return [
      `${padRight('Function', 30)}\t${padRight('Image', 40)}\t${padRight('Invocations', 15)}\t${padRight('Replicas', 5)}`,
      ...functions.map((f) => `${padRight(f.name, 30)}\t${padRight(image(f), 40)}\t${padRight(count(f), 15)}\t${padRight(String(f.replicas), 5)}`),
    ];
  }
  return [
    `${padRight('Function', 30)}\t${padRight('Invocations', 15)}\t${padRight('Replicas', 5)}`,
    ...functions.map((f) => `${padRight(f.name, 30)}\t${padRight(count(f), 15)}\t${padRight(String(f.replicas), 5)}`),
  ];
}

/** faas-cli list --sort: by name, by invocations (most first) or by creation (oldest first); any other value keeps the gateway's order. */
export function sortFunctions(functions: FunctionStatus[], by: string): FunctionStatus[] {
  const sorted = [...functions];
  if (by === 'name') return sorted.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (by === 'invocations') return sorted.sort((a, b) => b.invocationCount - a.invocationCount);
  if (by === 'creation') return sorted.sort((a, b) => Date.parse(a.createdAt ?? '') - Date.parse(b.createdAt ?? '') || 0);
  return sorted;
}

type ListOptions = { gateway?: string; namespace?: string; verbose?: boolean; quiet?: boolean; sort: string };

/** `faas-cli list|ls [-v] [-q] [--sort name|invocations|creation] [-g URL] [-n NS]`. */
export function registerList(program: Command): void {
  const cmd = program
    .command('list')
    .alias('ls')
    .description('List OpenFaaS functions');
  namespaceFlag(gatewayFlag(cmd))
    .option('-q, --quiet', "Quiet mode - print out only the function's ID")
    .option('-v, --verbose', 'Verbose output for the function list');
  tokenFlag(tlsFlag(cmd))
    .option('--sort <order>', 'Sort the functions by "name" or "invocations" (or "creation")', 'name');
  unusedStackFlags(cmd, true);
  cmd.action(async (opts: ListOptions) => {
    const functions = await listFunctions(gatewayFor(opts.gateway), checkNamespace(opts.namespace));
    for (const line of formatFunctionList(sortFunctions(functions, opts.sort), opts)) stdio.log(line);
  });
}
