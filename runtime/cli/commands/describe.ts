import type { Command } from 'commander';
import { checkNamespace, gatewayFlag, namespaceFlag, tlsFlag, tokenFlag, unusedStackFlags } from '../common-flags';
import { gatewayFor, stdio } from '../context';
import { getFunction, type FunctionStatus } from '../functions';
import { tabwrite } from '../tabwriter';

/**
 * faas-cli describe's block (commands/describe.go): "Field:\t value" lines through a tabwriter;
 * labels and annotations one "key : value" a line, the first beside the heading. Status is
 * Ready once a replica is running.
 */
export function formatDescription(f: FunctionStatus, gatewayUrl: string, o: { verbose?: boolean; namespace?: string } = {}): string {
  const base = gatewayUrl.replace(/\/+$/, '');
  const fn = o.namespace ? `${f.name}.${o.namespace}` : f.name;
  const lines = [
    `Name:\t ${f.name}`,
    `Status:\t ${f.availableReplicas > 0 ? 'Ready' : 'Not Ready'}`,
    `Replicas:\t ${f.replicas}`,
    `Available replicas:\t ${f.availableReplicas}`,
    `Invocations:\t ${Math.trunc(f.invocationCount)}`,
    `Image:\t ${f.image}`,
    `Function process:\t ${f.envProcess}`,
    `URL:\t ${base}/function/${fn}`,
    `Async URL:\t ${base}/async-function/${fn}`,
  ];
  const maps: [string, Record<string, string> | null | undefined][] = [['Labels', f.labels], ['Annotations', f.annotations]];
  // -v: what else the function was deployed with.
  if (o.verbose) {
    const list = (items: string[] | null | undefined) => Object.fromEntries((items ?? []).map((v) => [v, '']));
    maps.push(['Environment', f.envVars], ['Secrets', list(f.secrets)], ['Constraints', list(f.constraints)], ['Requests', f.requests], ['Limits', f.limits]);
  }
  for (const [heading, map] of maps) {
    const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
    entries.forEach(([k, v], i) => lines.push(`${i === 0 ? `${heading}: ` : ' '}\t ${v ? `${k} : ${v}` : k}`));
  }
  return tabwrite(`${lines.join('\n')}\n`);
}

type DescribeOptions = { gateway?: string; namespace?: string; verbose?: boolean };

/** `faas-cli describe NAME [-v] [-g URL] [-n NS]`. */
export function registerDescribe(program: Command): void {
  const cmd = program
    .command('describe')
    .argument('<NAME>', 'name of the function')
    .description('Describe an OpenFaaS function')
    .option('--name <name>', 'Name of the function (the NAME argument is used, as faas-cli does)');
  tokenFlag(tlsFlag(gatewayFlag(cmd)));
  namespaceFlag(cmd).option('-v, --verbose', 'Enable verbose output (environment, secrets, constraints, requests and limits too)');
  unusedStackFlags(cmd, true);
  cmd.action(async (name: string, opts: DescribeOptions) => {
    const namespace = checkNamespace(opts.namespace);
    const gateway = gatewayFor(opts.gateway);
    stdio.write(formatDescription(await getFunction(gateway, name, namespace), gateway.url, { verbose: opts.verbose, namespace }));
  });
}
