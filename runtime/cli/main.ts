import { Command, CommanderError } from 'commander';
import { CliError } from './errors';
import { acceptGoBooleans } from './go-flags';
import { registerVersion, VERSION } from './commands/version';
import { registerDescribe } from './commands/describe';
import { registerInvoke } from './commands/invoke';
import { registerList } from './commands/list';
import { registerLogin } from './commands/login';
import { registerLogs } from './commands/logs';
import { registerRemove } from './commands/remove';
import { registerSecret } from './commands/secret';
import { registerStore } from './commands/store';
import { registerNew } from './commands/new';
import { registerTemplate } from './commands/template';
import { registerBuild } from './commands/build';
import { registerPush } from './commands/push';
import { registerDeploy } from './commands/deploy';
import { registerUp } from './commands/up';
import { registerNamespaces } from './commands/namespaces';
import { registerReady } from './commands/ready';

/**
 * faas-cli for the FaaS Lab sandbox shell: the commands Labs 1–3 use, with faas-cli's flags and
 * wording, against the sandbox gateway (OPENFAAS_URL). Builds go to the platform's builder
 * through the gateway; nothing here needs Docker.
 */
export function program(): Command {
  const p = new Command('faas-cli')
    .description('Manage your OpenFaaS functions from the command line')
    .version(VERSION, '--cli-version', 'print the version number')
    .showHelpAfterError('(run "faas-cli help <command>" for usage)')
    .exitOverride();
  registerVersion(p);
  registerInvoke(p);
  registerList(p);
  registerDescribe(p);
  registerLogs(p);
  registerRemove(p);
  registerSecret(p);
  registerLogin(p);
  registerStore(p);
  registerNew(p);
  registerTemplate(p);
  registerBuild(p);
  registerPush(p);
  registerDeploy(p);
  registerUp(p);
  registerNamespaces(p);
  registerReady(p);
  forEachCommand(p, (cmd) => acceptGoBooleans(cmd));
  return p;
}

/** Every command under `cmd` (not `cmd` itself), depth first. */
export function forEachCommand(cmd: Command, visit: (c: Command) => void): void {
  for (const sub of cmd.commands) {
    visit(sub);
    forEachCommand(sub, visit);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 1;
    if (err instanceof CliError) {
      console.error(`Error: ${err.message}`);
      if (err.hint) console.error(err.hint);
      return err.exitCode;
    }
    console.error(`Error: ${(err as Error).stack ?? err}`);
    return 1;
  }
}
