import type Docker from 'dockerode';
import { isOwned, type Labels } from '../docker/labels';
import { orNull } from '../docker/not-found';
import { AppError } from '../errors';

/**
 * The id of a Swarm secret holding `value`, created if missing. Swarm secrets cannot be
 * changed, so an existing one is reused only when it is ours; its value is the one the
 * database recorded when it was made.
 */
export async function ensureSecret(engine: Docker, name: string, value: string, instance: string, labels: Labels): Promise<string> {
  const existing = await orNull(engine.getSecret(name).inspect());
  if (existing) {
    if (!isOwned(existing.Spec?.Labels, instance)) throw new AppError('conflict', `Swarm secret "${name}" exists but was not created by FaaS Lab.`);
    return existing.ID;
  }
  const created = await engine.createSecret({ Name: name, Labels: labels, Data: Buffer.from(value).toString('base64') });
  return (created as { id: string }).id;
}
