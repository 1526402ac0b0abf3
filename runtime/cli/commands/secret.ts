import fs from 'node:fs';
import http from 'node:http';
import type { Command } from 'commander';
import { z } from 'zod';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { Gateway } from '../gateway';
import { readStdin } from '../stdin';
import { tabwrite } from '../tabwriter';

// Kubernetes' DNS-1123 subdomain, as faas-cli checks secret names (commands/secret_create.go).
const DNS1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateSecretName(name: string): string {
  if (!DNS1123.test(name)) {
    throw new CliError(
      `invalid secret name: ${name}, secret name must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
      'For example: faas-cli secret create api-key --from-literal=…',
    );
  }
  return name;
}

/** faas-cli secret list's table: a NAME column, blank lines around it. */
export function formatSecretList(names: string[]): string {
  if (!names.length) return 'No secrets found.\n';
  return tabwrite(`\nNAME\n${names.map((n) => `${n}\n`).join('')}\n`);
}

type ValueOptions = { fromLiteral?: string; fromFile?: string };

/** The secret's value from --from-literal, --from-file or stdin, trimmed as faas-cli does; never empty. */
async function secretValue(opts: ValueOptions): Promise<string> {
  if (opts.fromLiteral !== undefined && opts.fromFile !== undefined) {
    throw new CliError('please provide secret using only one option from --from-literal, --from-file and STDIN');
  }
  let value: string;
  if (opts.fromLiteral !== undefined) value = opts.fromLiteral;
  else if (opts.fromFile !== undefined) {
    try {
      value = fs.readFileSync(opts.fromFile, 'utf8');
    } catch (err) {
      throw new CliError(`unable to read secret file: ${(err as Error).message}`);
    }
  } else value = (await readStdin()).toString('utf8');
  value = value.trim();
  if (!value) throw new CliError('must provide a non empty secret via --from-literal, --from-file or STDIN');
  return value;
}

const withValueOptions = (cmd: Command) => cmd
  .option('--from-literal <value>', 'Value of the secret')
  .option('--from-file <path>', 'Path to the secret file')
  .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://');

const json = (body: unknown) => ({ auth: true, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

/** `faas-cli secret create|list|update|remove`: secrets through the gateway's /system/secrets. */
export function registerSecret(program: Command): void {
  const secret = program.command('secret').description('OpenFaaS secret commands');

  withValueOptions(secret.command('create').argument('<SECRET_NAME>').description('Create a new secret (from --from-literal, --from-file or STDIN)'))
    .addHelpText('after', '\nExamples:\n  faas-cli secret create api-key --from-literal=s3cr3t\n  faas-cli secret create api-key --from-file=./key.txt\n  echo s3cr3t | faas-cli secret create api-key')
    .action(async (name: string, opts: ValueOptions & { gateway?: string }) => {
      validateSecretName(name);
      const value = await secretValue(opts);
      stdio.log(`Creating secret: ${name}`);
      const res = await gatewayFor(opts.gateway).request('POST', '/system/secrets', json({ name, value }));
      if (res.status === 409) throw new CliError(`secret with the name "${name}" already exists`, `Remove it first (faas-cli secret remove ${name}) or choose another name.`);
      stdio.log(`Created: ${Gateway.expect(res, [200, 201, 202], 'cannot create the secret').status} ${statusText(res.status)}`);
    });

  secret.command('list').alias('ls').description('List all secrets')
    .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://')
    .action(async (opts: { gateway?: string }) => {
      const res = Gateway.expect(await gatewayFor(opts.gateway).request('GET', '/system/secrets', { auth: true }), [200], 'cannot list secrets');
      const secrets = z.array(z.object({ name: z.string() })).parse(JSON.parse(res.body.toString('utf8')));
      stdio.write(formatSecretList(secrets.map((s) => s.name)));
    });

  withValueOptions(secret.command('update').alias('u').argument('<SECRET_NAME>').description('Update a secret'))
    .action(async (name: string, opts: ValueOptions & { gateway?: string }) => {
      const value = await secretValue(opts);
      stdio.log(`Updating secret: ${name}`);
      const res = await gatewayFor(opts.gateway).request('PUT', '/system/secrets', json({ name, value }));
      // Swarm cannot change a secret in place, so the gateway (like faas-swarm) answers 405.
      if (res.status === 405) {
        throw new CliError(
          `secret "${name}" was not updated: Docker Swarm secrets cannot be changed once created`,
          `Remove it and create it again: faas-cli secret remove ${name} && faas-cli secret create ${name} --from-literal=…\n(A secret still used by a function cannot be removed: remove or redeploy that function without it first.)`,
        );
      }
      if (res.status === 404) throw new CliError(`unable to find secret: ${name}`, 'See your secrets with: faas-cli secret list');
      stdio.log(`Updated: ${Gateway.expect(res, [200, 201, 202], 'cannot update the secret').status} ${statusText(res.status)}`);
    });

  secret.command('remove').aliases(['rm', 'delete']).argument('<SECRET_NAME>').description('Remove a secret by name')
    .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://')
    .action(async (name: string, opts: { gateway?: string }) => {
      const res = await gatewayFor(opts.gateway).request('DELETE', '/system/secrets', json({ name }));
      if (res.status === 404) throw new CliError(`unable to find secret: ${name}`, 'See your secrets with: faas-cli secret list');
      Gateway.expect(res, [200, 202, 204], `cannot remove secret ${name}`);
      stdio.log('Removed.. OK.');
    });
}

const statusText = (status: number) => http.STATUS_CODES[status] ?? '';
