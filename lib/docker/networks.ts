import type Docker from 'dockerode';
import { AppError } from '../errors';
import { isOwned, type Labels } from './labels';
import { orNull } from './not-found';

type NetworkOptions = { name: string; instance: string; labels: Labels; internal: boolean };

/**
 * Return the id of an overlay network, creating it if missing. Idempotent; refuses to adopt a
 * network of the same name that this platform instance did not create.
 */
export async function ensureOverlayNetwork(engine: Docker, opts: NetworkOptions): Promise<string> {
  const existing = await orNull(engine.getNetwork(opts.name).inspect());
  if (existing) {
    if (!isOwned(existing.Labels, opts.instance)) {
      throw new AppError('conflict', `Docker network "${opts.name}" exists but was not created by FaaS Lab (instance "${opts.instance}").`, {
        hint: 'Remove or rename that network, or start FaaS Lab with another FAASLAB_PREFIX.',
      });
    }
    return existing.Id as string;
  }
  const created = await engine.createNetwork({
    Name: opts.name,
    Driver: 'overlay',
    Attachable: true,
    Internal: opts.internal,
    CheckDuplicate: true,
    Labels: opts.labels,
  });
  return created.id;
}
