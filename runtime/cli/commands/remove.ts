import type { Command } from 'commander';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { Gateway } from '../gateway';

/** `faas-cli remove|rm|delete NAME`: DELETE /system/functions, with faas-cli's wording. */
export function registerRemove(program: Command): void {
  program
    .command('remove')
    .aliases(['rm', 'delete'])
    .argument('<NAME>', 'name of the function to remove')
    .description('Remove deployed OpenFaaS functions')
    .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://')
    .action(async (name: string, opts: { gateway?: string }) => {
      stdio.log(`Deleting: ${name}.`);
      const res = await gatewayFor(opts.gateway).request('DELETE', '/system/functions', {
        auth: true,
        body: JSON.stringify({ functionName: name }),
        headers: { 'Content-Type': 'application/json' },
      });
      if (res.status === 404) throw new CliError(`No existing function to remove: ${name}`, 'See the functions you have with: faas-cli list');
      Gateway.expect(res, [200, 201, 202], `cannot remove ${name}`);
      stdio.log('Removing old function.');
    });
}
