import type { Command } from 'commander';
import { gatewayFlag, tlsFlag, tokenFlag, unusedStackFlags } from '../common-flags';
import { gatewayFor, stdio } from '../context';
import { compat } from '../flags';
import { Gateway } from '../gateway';

export const VERSION = '0.1.0';
const COMMIT = 'faaslab';

/** `faas-cli version [--short-version] [-g URL]`: the CLI's version and, when reachable, the gateway's. */
export function registerVersion(program: Command): void {
  const cmd = program
    .command('version')
    .description('Display the clients version information')
    .option('--short-version', 'Just print Git SHA');
  tlsFlag(gatewayFlag(cmd))
    .option('--warn-update', compat('Check for new version and warn about updating', 'the sandbox has no internet to ask GitHub with'), true);
  tokenFlag(cmd);
  unusedStackFlags(cmd, true);
  cmd.action(async (opts: { shortVersion?: boolean; gateway?: string }) => {
      if (opts.shortVersion) return stdio.log(VERSION);
      stdio.log('CLI:');
      stdio.log(` commit:  ${COMMIT}`);
      stdio.log(` version: ${VERSION}`);
      const gateway = gatewayFor(opts.gateway);
      try {
        const res = Gateway.expect(await gateway.request('GET', '/system/info', { auth: true, timeoutMs: 5000 }), [200], 'version');
        const info = JSON.parse(res.body.toString('utf8'));
        stdio.log('');
        stdio.log('Gateway');
        stdio.log(` uri:     ${gateway.url}`);
        stdio.log(` version: ${info.version?.release ?? ''}`);
        stdio.log(` sha:     ${info.version?.sha ?? ''}`);
        stdio.log('');
        stdio.log('Provider');
        stdio.log(` name:          ${info.provider?.provider ?? ''}`);
        stdio.log(` orchestration: ${info.provider?.orchestration ?? ''}`);
        stdio.log(` version:       ${info.provider?.version?.release ?? ''}`);
      } catch {
        // faas-cli prints only the CLI part when the gateway cannot be reached
      }
    });
}
