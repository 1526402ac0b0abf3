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

/**
 * The IPv4 subnets (CIDR) Docker's IPAM gave a network. Swarm's allocator fills them in
 * moments after it creates an overlay network (the create call does not wait for it), so a new
 * network is asked again until they are there. The sandbox gateway calls no address outside
 * its sandbox network's subnets.
 */
export async function networkSubnets(engine: Docker, id: string, timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const info = await engine.getNetwork(id).inspect();
    const subnets = ((info.IPAM?.Config ?? []) as { Subnet?: string }[])
      .map((c) => c.Subnet ?? '')
      .filter((s) => /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(s));
    if (subnets.length > 0) return subnets;
    if (Date.now() >= deadline) {
      throw new AppError('unavailable', `Docker network "${info.Name}" has no IPv4 subnet after ${timeoutMs / 1000} s.`, {
        hint: 'Try again in a moment; if it persists, the Docker daemon may be out of addresses (default-address-pools) — tell your instructor.',
      });
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Remove a network. Swarm keeps a removed service's task records a moment after their
 * containers are gone, and refuses meanwhile ("network … is in use by task …"): asked again
 * until it is free, for up to `timeoutMs`. A network that is already gone is not an error.
 */
export async function removeNetwork(engine: Docker, id: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await orNull(engine.getNetwork(id).remove());
      return;
    } catch (err) {
      if (!/is in use by task/.test(String((err as Error)?.message)) || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
