import type Docker from 'dockerode';
import { AppError } from '../errors';
import { isOwned, type Labels } from './labels';
import { orNull } from './not-found';

export type BridgeNetwork = { id: string; name: string; gateway: string; subnet: string; bridge: string };

type BridgeOptions = { name: string; instance: string; labels: Labels; internal: boolean; driverOptions?: Record<string, string> };

type Inspect = { Id: string; Name: string; Labels?: Labels | null; Options?: Record<string, string> | null; IPAM?: { Config?: { Gateway?: string; Subnet?: string }[] | null } | null };

/**
 * A local bridge network, created if missing (idempotent; refuses to adopt a network of the
 * same name that this platform instance did not create), with the host's address on it
 * (the gateway) and the name of its Linux bridge interface (Docker's `br-<id>` unless set).
 */
export async function ensureBridgeNetwork(engine: Docker, opts: BridgeOptions): Promise<BridgeNetwork> {
  let info = (await orNull(engine.getNetwork(opts.name).inspect())) as Inspect | null;
  if (info && !isOwned(info.Labels, opts.instance)) {
    throw new AppError('conflict', `Docker network "${opts.name}" exists but was not created by FaaS Lab (instance "${opts.instance}").`, {
      hint: 'Remove or rename that network, or start FaaS Lab with another FAASLAB_PREFIX.',
    });
  }
  if (!info) {
    const created = await engine.createNetwork({
      Name: opts.name, Driver: 'bridge', Internal: opts.internal, CheckDuplicate: true, Labels: opts.labels, Options: opts.driverOptions ?? {},
    });
    info = (await engine.getNetwork(created.id).inspect()) as Inspect;
  }
  const ipv4 = (info.IPAM?.Config ?? []).find((c) => /^\d{1,3}(\.\d{1,3}){3}$/.test(c.Gateway ?? '') && c.Subnet);
  if (!ipv4) throw new AppError('unavailable', `Docker network "${opts.name}" has no IPv4 gateway.`, { hint: 'Remove the network; FaaS Lab creates it again.' });
  return {
    id: info.Id, name: info.Name, gateway: ipv4.Gateway!, subnet: ipv4.Subnet!,
    bridge: info.Options?.['com.docker.network.bridge.name'] ?? `br-${info.Id.slice(0, 12)}`,
  };
}
