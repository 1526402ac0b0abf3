import type { Command } from 'commander';
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

/** `faas-cli list|ls [-v] [-q] [-g URL]`. */
export function registerList(program: Command): void {
  program
    .command('list')
    .alias('ls')
    .description('List OpenFaaS functions')
    .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://')
    .option('-v, --verbose', 'Verbose output for the function list')
    .option('-q, --quiet', "Quiet mode - print out only the function's ID")
    .action(async (opts: { gateway?: string; verbose?: boolean; quiet?: boolean }) => {
      const functions = await listFunctions(gatewayFor(opts.gateway));
      for (const line of formatFunctionList(functions, opts)) stdio.log(line);
    });
}
