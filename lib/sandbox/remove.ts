import type Docker from 'dockerode';
import { LABEL, ownedFilter } from '../docker/labels';
import { orNull, isConflict } from '../docker/not-found';
import { removeServiceAndWait } from '../docker/services';

/**
 * Remove everything of one sandbox: its services (found by label, never by name pattern),
 * then its network and images once no task container holds them.
 */
export async function removeSandbox(engine: Docker, instance: string, sid: string): Promise<void> {
  const filters = ownedFilter(instance, { [LABEL.sandbox]: sid });
  const services = await engine.listServices({ filters });
  await Promise.all(services.map((s) => removeServiceAndWait(engine, s.Spec!.Name!)));
  for (const n of await engine.listNetworks({ filters })) await orNull(engine.getNetwork(n.Id).remove());
  for (const img of await engine.listImages({ filters })) {
    try {
      await orNull(engine.getImage(img.Id).remove({ force: true }));
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
}
