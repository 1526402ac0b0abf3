import type Docker from 'dockerode';

/**
 * Put the engine in Swarm mode if it is not (a single-node swarm advertised on loopback);
 * never re-initialise an existing swarm. Returns what it did.
 */
export async function ensureSwarm(engine: Docker): Promise<'active' | 'initialised'> {
  const info = await engine.info();
  const state: string = info.Swarm?.LocalNodeState ?? 'inactive';
  if (state === 'active') {
    if (!info.Swarm?.ControlAvailable) {
      throw new Error('This Docker engine is a Swarm worker: run FaaS Lab on a manager node.');
    }
    return 'active';
  }
  if (state !== 'inactive') {
    throw new Error(`Swarm is in state "${state}" on this engine; fix or leave it ('docker swarm leave --force') and start again.`);
  }
  await engine.swarmInit({ ListenAddr: '0.0.0.0:2377', AdvertiseAddr: process.env.FAASLAB_ADVERTISE_ADDR ?? '127.0.0.1' });
  return 'initialised';
}
