import type { Command } from 'commander';
import { checkNamespace, gatewayFlag, namespaceFlag, tlsFlag, tokenFlag } from '../common-flags';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { Gateway } from '../gateway';
import { addStackOptions, requireStack, type StackOptions } from '../stack-file';

type RemoveOptions = StackOptions & { gateway?: string; namespace?: string };

/** DELETE /system/functions for one function, with faas-cli's wording; false when there was none. */
async function removeFunction(gateway: Gateway, name: string, namespace: string): Promise<boolean> {
  stdio.log(`Deleting: ${name}.${namespace}`);
  const res = await gateway.request('DELETE', '/system/functions', {
    auth: true,
    body: JSON.stringify(namespace ? { functionName: name, namespace } : { functionName: name }),
    headers: { 'Content-Type': 'application/json' },
  });
  if (res.status === 404) return false;
  Gateway.expect(res, [200, 201, 202], `cannot remove ${name}`);
  stdio.log('Removing old function.');
  return true;
}

/**
 * `faas-cli remove|rm|delete NAME`, or without NAME every function of the stack file (-f, else
 * stack.yml), as faas-cli does: there a function that is not deployed is only reported.
 */
export function registerRemove(program: Command): void {
  const cmd = program
    .command('remove')
    .aliases(['rm', 'delete'])
    .argument('[NAME]', 'name of the function to remove; without it, every function of the stack file')
    .description('Remove deployed OpenFaaS functions');
  tokenFlag(tlsFlag(gatewayFlag(cmd)));
  namespaceFlag(cmd);
  addStackOptions(cmd);
  cmd.addHelpText('after', '\nExamples:\n  faas-cli remove figlet\n  faas-cli remove -f stack.yml\n  faas-cli rm -f stack.yml --filter "*gif*"');
  cmd.action(async (name: string | undefined, o: RemoveOptions) => {
    const namespace = checkNamespace(o.namespace);
    if (name) {
      if (!(await removeFunction(gatewayFor(o.gateway), name, namespace))) {
        throw new CliError(`No existing function to remove: ${name}`, 'See the functions you have with: faas-cli list');
      }
      return;
    }
    const { stack } = await requireStack(o);
    const gateway = gatewayFor(o.gateway, stack.provider.gateway);
    for (const [fn, spec] of Object.entries(stack.functions)) {
      const ns = checkNamespace(namespace || spec.namespace);
      // faas-cli goes on to the next function whatever happened to this one.
      const removed = await removeFunction(gateway, fn, ns).catch((err: unknown) => {
        if (!(err instanceof CliError)) throw err;
        stdio.error(`Error: ${err.message}`);
        return true;
      });
      if (!removed) stdio.log('No existing function to remove');
    }
  });
}
