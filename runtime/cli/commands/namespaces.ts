import type { Command } from 'commander';
import { z } from 'zod';
import { gatewayFlag, tlsFlag, tokenFlag, unusedStackFlags } from '../common-flags';
import { gatewayFor, stdio } from '../context';
import { Gateway } from '../gateway';

/** faas-cli's list of namespaces: a heading, then one " - <name>" a line. */
export const formatNamespaces = (names: string[]) => `Namespaces:\n${names.map((n) => ` - ${n}\n`).join('')}`;

async function listNamespaces(opts: { gateway?: string }): Promise<void> {
  const gateway = gatewayFor(opts.gateway);
  const res = Gateway.expect(await gateway.request('GET', '/system/namespaces', { auth: true }), [200], 'cannot list namespaces');
  const text = res.body.toString('utf8').trim();
  stdio.write(formatNamespaces(text ? z.array(z.string()).parse(JSON.parse(text)) : []));
}

const withFlags = (cmd: Command) => unusedStackFlags(tokenFlag(tlsFlag(gatewayFlag(cmd))));

/**
 * `faas-cli namespace list` (and the older `faas-cli namespaces`, which faas-cli 0.17 keeps,
 * hidden): GET /system/namespaces. The sandbox has one namespace; it cannot make others.
 */
export function registerNamespaces(program: Command): void {
  withFlags(program.command('namespaces', { hidden: true }).description('List OpenFaaS namespaces (moved to "faas-cli namespace list")'))
    .action(async (opts: { gateway?: string }) => {
      stdio.error('Command "namespaces" is deprecated, This has moved to "faas-cli namespace list".');
      await listNamespaces(opts);
    });
  const namespace = program.command('namespace').alias('ns').description('Manage OpenFaaS namespaces (here: list them; the sandbox has one)');
  withFlags(namespace.command('list').alias('ls').description('List OpenFaaS namespaces')).action(listNamespaces);
}
