import type { Command } from 'commander';
import { checkNamespace, gatewayFlag, namespaceFlag, namespaceQuery, tlsFlag, unusedStackFlags } from '../common-flags';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { durationOption, intOption } from '../flags';
import { Gateway } from '../gateway';

type ReadyOptions = { gateway?: string; namespace?: string; attempts: number; interval: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ask `ready()` up to `attempts` times, `interval` apart; true once it answers true. */
export async function poll(attempts: number, interval: number, ready: () => Promise<boolean>, wait = sleep): Promise<boolean> {
  for (let i = 1; i <= attempts; i++) {
    if (await ready().catch(() => false)) return true;
    if (i < attempts) await wait(interval);
  }
  return false;
}

/**
 * `faas-cli ready [NAME]`: wait for the gateway (GET /healthz) or, given a name, for the
 * function to have a running replica (GET /system/function/NAME?usage=1), as faas-cli does.
 */
export function registerReady(program: Command): void {
  const cmd = program
    .command('ready')
    .argument('[NAME]', 'function to wait for; without one, the gateway')
    .description('Block until the gateway or a function is ready for use');
  unusedStackFlags(tlsFlag(namespaceFlag(gatewayFlag(cmd))))
    .addOption(intOption('--attempts <n>', 'Number of attempts to check the gateway', 60))
    .addOption(durationOption('--interval <duration>', 'Interval between attempts in seconds', '1s'))
    .addHelpText('after', '\nExamples:\n  faas-cli ready\n  faas-cli ready figlet --attempts 30');
  cmd.action(async (name: string | undefined, o: ReadyOptions) => {
    if (o.attempts < 1) throw new CliError('attempts must be greater than 0');
    const namespace = checkNamespace(o.namespace);
    const gateway = gatewayFor(o.gateway);
    const what = name ? `Function ${name}` : 'Gateway';
    let tried = 0;
    const check = async () => {
      if (!name) return (await new Gateway(new URL(gateway.url).origin).request('GET', '/healthz', { timeoutMs: 60_000 })).status === 200;
      const query = [namespaceQuery(namespace), 'usage=1'].filter(Boolean).join('&');
      const res = await gateway.request('GET', `/system/function/${encodeURIComponent(name)}?${query}`, { auth: true });
      return res.status === 200 && Number(JSON.parse(res.body.toString('utf8')).availableReplicas) > 0;
    };
    const ok = await poll(o.attempts, o.interval, async () => {
      tried += 1;
      const ready = await check().catch(() => false);
      if (!ready) stdio.log(`[${tried}/${o.attempts}] Waiting for ${name ?? 'the gateway'}`);
      return ready;
    });
    if (!ok) throw new CliError(`${what} is not ready after ${o.attempts} attempts`, name ? `See why with: faas-cli describe ${name} (and faas-cli logs ${name} --tail=false)` : 'Is the gateway running? Check the URL (-g or OPENFAAS_URL).');
    stdio.log(`${what} is ready`);
  });
}
