import fs from 'node:fs';
import http from 'node:http';
import type { Command } from 'commander';
import { z } from 'zod';
import { checkNamespace, gatewayFlag, namespaceFlag, namespaceQuery, tlsFlag, tokenFlag, unusedStackFlags } from '../common-flags';
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

type ValueOptions = { fromLiteral?: string; fromFile?: string; trim: boolean };
type SecretOptions = { gateway?: string; namespace?: string };
/** A secret's value as faas-cli sends it: `value`, and for --from-file also the file's bytes as they are. */
type SecretValue = { value: string; rawValue?: string };

/** The secret's value from --from-literal, --from-file or stdin, trimmed unless --trim=false; never empty. */
async function secretValue(opts: ValueOptions): Promise<SecretValue> {
  if (opts.fromLiteral !== undefined && opts.fromFile !== undefined) {
    throw new CliError('please provide secret using only one option from --from-literal, --from-file and STDIN');
  }
  let raw: Buffer | undefined;
  let value: string;
  if (opts.fromLiteral !== undefined) value = opts.fromLiteral;
  else if (opts.fromFile !== undefined) {
    try {
      raw = fs.readFileSync(opts.fromFile);
    } catch (err) {
      throw new CliError(`unable to read secret file: ${(err as Error).message}`);
    }
    value = raw.toString('utf8');
  } else value = (await readStdin()).toString('utf8');
  if (opts.trim) value = value.trim();
  if (!value.trim()) throw new CliError('must provide a non empty secret via --from-literal, --from-file or STDIN');
  return raw ? { value, rawValue: raw.toString('base64') } : { value };
}

/** The flags every secret command has (-g, --tls-no-verify, -k, -n, and faas-cli's persistent ones). */
const withCommonFlags = (cmd: Command) => unusedStackFlags(namespaceFlag(tokenFlag(tlsFlag(gatewayFlag(cmd))), 'Namespace of the secret'));

const withValueOptions = (cmd: Command) => withCommonFlags(cmd
  .option('--from-literal <value>', 'Value of the secret')
  .option('--from-file <path>', 'Path to the secret file')
  .option('--trim', 'Trim whitespace from the start and end of the secret value (--trim=false to keep it)', true));

const json = (body: unknown) => ({ auth: true, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
const withNamespace = (body: Record<string, string>, opts: SecretOptions) => {
  const namespace = checkNamespace(opts.namespace);
  return namespace ? { ...body, namespace } : body;
};

/** PUT /system/secrets; Swarm cannot change a secret in place, so the gateway (like faas-swarm) answers 405. */
async function updateSecret(name: string, body: Record<string, string>, opts: SecretOptions): Promise<void> {
  const res = await gatewayFor(opts.gateway).request('PUT', '/system/secrets', json(body));
  if (res.status === 405) {
    throw new CliError(
      `secret "${name}" was not updated: Docker Swarm secrets cannot be changed once created`,
      `Remove it and create it again: faas-cli secret remove ${name} && faas-cli secret create ${name} --from-literal=…\n(A secret still used by a function cannot be removed: remove or redeploy that function without it first.)`,
    );
  }
  if (res.status === 404) throw new CliError(`unable to find secret: ${name}`, 'See your secrets with: faas-cli secret list');
  stdio.log(`Updated: ${Gateway.expect(res, [200, 201, 202], 'cannot update the secret').status} ${statusText(res.status)}`);
}

/** `faas-cli secret create|list|update|remove`: secrets through the gateway's /system/secrets. */
export function registerSecret(program: Command): void {
  const secret = program.command('secret').description('OpenFaaS secret commands');

  withValueOptions(secret.command('create').argument('<SECRET_NAME>').description('Create a new secret (from --from-literal, --from-file or STDIN)'))
    .option('--replace', 'Replace the secret with the new value if it already exists')
    .addHelpText('after', '\nExamples:\n  faas-cli secret create api-key --from-literal=s3cr3t\n  faas-cli secret create api-key --from-file=./key.txt\n  echo s3cr3t | faas-cli secret create api-key')
    .action(async (name: string, opts: ValueOptions & SecretOptions & { replace?: boolean }) => {
      validateSecretName(name);
      const body = withNamespace({ name, ...(await secretValue(opts)) }, opts);
      stdio.log(`Creating secret: ${name}`);
      const res = await gatewayFor(opts.gateway).request('POST', '/system/secrets', json(body));
      if (res.status === 409 && opts.replace) return updateSecret(name, body, opts);
      if (res.status === 409) throw new CliError(`secret with the name "${name}" already exists`, `Remove it first (faas-cli secret remove ${name}) or choose another name.`);
      stdio.log(`Created: ${Gateway.expect(res, [200, 201, 202], 'cannot create the secret').status} ${statusText(res.status)}`);
    });

  withCommonFlags(secret.command('list').alias('ls').description('List all secrets'))
    .action(async (opts: SecretOptions) => {
      const namespace = checkNamespace(opts.namespace);
      const path = `/system/secrets${namespace ? `?${namespaceQuery(namespace)}` : ''}`;
      const res = Gateway.expect(await gatewayFor(opts.gateway).request('GET', path, { auth: true }), [200], 'cannot list secrets');
      const secrets = z.array(z.object({ name: z.string() })).parse(JSON.parse(res.body.toString('utf8')));
      stdio.write(formatSecretList(secrets.map((s) => s.name)));
    });

  withValueOptions(secret.command('update').alias('u').argument('<SECRET_NAME>').description('Update a secret'))
    .action(async (name: string, opts: ValueOptions & SecretOptions) => {
      const { value } = await secretValue(opts);
      const body = withNamespace({ name, value }, opts);
      stdio.log(`Updating secret: ${name}`);
      await updateSecret(name, body, opts);
    });

  withCommonFlags(secret.command('remove').aliases(['rm', 'delete']).argument('<SECRET_NAME>').description('Remove a secret by name'))
    .action(async (name: string, opts: SecretOptions) => {
      const res = await gatewayFor(opts.gateway).request('DELETE', '/system/secrets', json(withNamespace({ name }, opts)));
      if (res.status === 404) throw new CliError(`unable to find secret: ${name}`, 'See your secrets with: faas-cli secret list');
      Gateway.expect(res, [200, 202, 204], `cannot remove secret ${name}`);
      stdio.log('Removed.. OK.');
    });
}

const statusText = (status: number) => http.STATUS_CODES[status] ?? '';
