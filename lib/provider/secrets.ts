import type Docker from 'dockerode';
import { LABEL, ownedFilter, ownedLabels } from '../docker/labels';
import { isConflict, orNull } from '../docker/not-found';
import { AppError } from '../errors';
import type { Owner } from './deployment';

/** OpenFaaS mounts function secrets here (faas-swarm handlers/deploy.go). */
export const SECRETS_DIR = '/var/openfaas/secrets';
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const MAX_VALUE = 500 * 1024; // Swarm's limit for a secret

/** Swarm secret names are global: a participant's secret lives in their sandbox's namespace. */
export const secretName = (owner: Owner, name: string) => `${owner.instance}-${owner.sandboxId}-secret-${name}`;

export function validateSecretName(name: unknown, owner: Owner): string {
  const max = 64 - secretName(owner, '').length;
  if (typeof name !== 'string' || !NAME.test(name) || name.length > max) {
    throw new AppError('invalid', `"${String(name).slice(0, 80)}" is not a valid secret name.`, {
      hint: `Use lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most ${max} characters.`,
    });
  }
  return name;
}

const secretLabels = (owner: Owner, name: string) => ownedLabels(owner.instance, 'function', { [LABEL.sandbox]: owner.sandboxId, 'com.openfaas.secret': name });

/** The sandbox's secrets, by their participant-facing names (values are never returned). */
export async function listSecrets(engine: Docker, owner: Owner): Promise<{ name: string }[]> {
  const secrets = await engine.listSecrets({ filters: ownedFilter(owner.instance, { [LABEL.sandbox]: owner.sandboxId }) });
  return secrets.map((s) => s.Spec?.Labels?.['com.openfaas.secret']).filter((n): n is string => Boolean(n)).sort().map((name) => ({ name }));
}

export async function createSecret(engine: Docker, owner: Owner, name: string, value: Buffer): Promise<void> {
  if (value.length > MAX_VALUE) throw new AppError('invalid', `The secret's value is larger than ${MAX_VALUE / 1024} KiB (Swarm's limit).`);
  try {
    await engine.createSecret({ Name: secretName(owner, name), Labels: secretLabels(owner, name), Data: value.toString('base64') });
  } catch (err) {
    if (isConflict(err)) throw new AppError('conflict', `secret "${name}" already exists`, { hint: 'Remove it first, or choose another name.' });
    throw err;
  }
}

export async function removeSecret(engine: Docker, owner: Owner, name: string): Promise<void> {
  try {
    const removed = await orNull(engine.getSecret(secretName(owner, name)).remove());
    if (removed === null) throw new AppError('not_found', `secret "${name}" not found`);
  } catch (err) {
    if (isConflict(err) || /in use/i.test(String((err as Error).message))) {
      throw new AppError('conflict', `secret "${name}" is used by a function`, { hint: 'Remove or redeploy the functions that use it first.' });
    }
    throw err;
  }
}

/** Swarm mounts for a deployment's secrets; a missing one is a clear 400, not a failed task. */
export async function secretMounts(engine: Docker, owner: Owner, names: string[]): Promise<Record<string, unknown>[]> {
  return Promise.all(names.map(async (name) => {
    const info = await orNull(engine.getSecret(secretName(owner, validateSecretName(name, owner))).inspect());
    if (!info) throw new AppError('invalid', `secret "${name}" not found`, { hint: `Create it first: faas-cli secret create ${name} --from-literal=…` });
    return { SecretID: info.ID, SecretName: secretName(owner, name), File: { Name: `${SECRETS_DIR}/${name}`, UID: '0', GID: '0', Mode: 0o444 } };
  }));
}
