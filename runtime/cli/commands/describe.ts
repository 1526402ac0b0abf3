import type { Command } from 'commander';
import { gatewayFor, stdio } from '../context';
import { getFunction, type FunctionStatus } from '../functions';
import { tabwrite } from '../tabwriter';

/**
 * faas-cli describe's block (commands/describe.go): "Field:\t value" lines through a tabwriter;
 * labels and annotations one "key : value" a line, the first beside the heading. Status is
 * Ready once a replica is running.
 */
export function formatDescription(f: FunctionStatus, gatewayUrl: string): string {
  const base = gatewayUrl.replace(/\/+$/, '');
  const lines = [
    `Name:\t ${f.name}`,
    `Status:\t ${f.availableReplicas > 0 ? 'Ready' : 'Not Ready'}`,
    `Replicas:\t ${f.replicas}`,
    `Available replicas:\t ${f.availableReplicas}`,
    `Invocations:\t ${Math.trunc(f.invocationCount)}`,
    `Image:\t ${f.image}`,
    `Function process:\t ${f.envProcess}`,
    `URL:\t ${base}/function/${f.name}`,
    `Async URL:\t ${base}/async-function/${f.name}`,
  ];
  for (const [heading, map] of [['Labels', f.labels], ['Annotations', f.annotations]] as const) {
    const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
    entries.forEach(([k, v], i) => lines.push(`${i === 0 ? `${heading}: ` : ' '}\t ${k} : ${v}`));
  }
  return tabwrite(`${lines.join('\n')}\n`);
}

/** `faas-cli describe NAME [-g URL]`. */
export function registerDescribe(program: Command): void {
  program
    .command('describe')
    .argument('<NAME>', 'name of the function')
    .description('Describe an OpenFaaS function')
    .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://')
    .action(async (name: string, opts: { gateway?: string }) => {
      const gateway = gatewayFor(opts.gateway);
      stdio.write(formatDescription(await getFunction(gateway, name), gateway.url));
    });
}
