import type { Command } from 'commander';
import { removeAuth, saveAuth } from '../config';
import { gatewayFlag, tlsFlag, unusedStackFlags } from '../common-flags';
import { resolveGateway, stdio } from '../context';
import { durationOption } from '../flags';
import { CliError } from '../errors';
import { Gateway, UNAUTHORIZED } from '../gateway';
import { readStdin } from '../stdin';

export const NO_TLS_WARNING = 'WARNING! Communication is not secure, please consider using HTTPS. Letsencrypt.org offers free SSL/TLS certificates.';

/** faas-cli's checkTLSInsecure: warn for plain HTTP except to this machine. */
export const isInsecure = (url: string) => !/^https:|^http:\/\/(127\.0\.0\.1|localhost)([:/]|$)/.test(url);

type LoginOptions = { gateway?: string; username: string; password?: string; passwordStdin?: boolean; timeout: number };

/**
 * `faas-cli login`: checks the credentials with GET /system/functions, then saves them in
 * ~/.openfaas/config.yml for this gateway (faas-cli commands/login.go, same messages).
 */
export function registerLogin(program: Command): void {
  const login = program.command('login').description('Log in to OpenFaaS gateway');
  gatewayFlag(login)
    .option('-u, --username <user>', 'Gateway username', 'admin')
    .option('-p, --password <password>', 'Gateway password')
    .option('-s, --password-stdin', 'Reads the gateway password from stdin');
  tlsFlag(login).addOption(durationOption('--timeout <duration>', 'Override the timeout for this API call', '5s'));
  unusedStackFlags(login)
    .addHelpText('after', '\nExamples:\n  cat ~/faas_pass.txt | faas-cli login -u admin --password-stdin\n  echo -n $PASSWORD | faas-cli login -s\n  faas-cli login -u admin -p password')
    .action(async (opts: LoginOptions) => {
      if (!opts.username) throw new CliError('must provide --username or -u');
      let password = opts.password ?? '';
      if (opts.password !== undefined) {
        stdio.log('WARNING! Using --password is insecure, consider using: cat ~/faas_pass.txt | faas-cli login -u user --password-stdin');
        if (opts.passwordStdin) throw new CliError('--password and --password-stdin are mutually exclusive');
      }
      if (opts.passwordStdin) password = (await readStdin({ hint: false })).toString('utf8');
      password = password.trim();
      if (!password) throw new CliError('must provide a non-empty password via --password or --password-stdin');

      stdio.log('Calling the OpenFaaS server to validate the credentials...');
      const gateway = new Gateway(resolveGateway(opts.gateway));
      if (isInsecure(gateway.url)) stdio.log(NO_TLS_WARNING);
      const basic = `Basic ${Buffer.from(`${opts.username}:${password}`).toString('base64')}`;
      try {
        Gateway.expect(await gateway.request('GET', '/system/functions', { headers: { authorization: basic }, timeoutMs: opts.timeout }), [200], 'cannot log in');
      } catch (err) {
        if (err instanceof CliError && err.message === UNAUTHORIZED) {
          throw new CliError('unable to login, either username or password is incorrect', 'In this workshop shell the password is in /run/secrets/basic-auth-password, e.g.:\n  cat /run/secrets/basic-auth-password | faas-cli login --username admin --password-stdin');
        }
        throw err;
      }
      saveAuth(gateway.url, opts.username, password);
      stdio.log(`credentials saved for ${opts.username} ${gateway.url}`);
    });

  const logout = program.command('logout').description('Log out from OpenFaaS gateway');
  unusedStackFlags(gatewayFlag(logout))
    .action((opts: { gateway?: string }) => {
      const url = resolveGateway(opts.gateway).trim().replace(/\/+$/, '');
      if (!removeAuth(url)) throw new CliError(`gateway ${url} not found in config`, 'There were no saved credentials for it (faas-cli login saves them).');
      stdio.log(`credentials removed for ${url}`);
    });
}
