import type Docker from 'dockerode';
import { LABEL, ownedFilter } from '../docker/labels';
import { names } from '../docker/names';
import { orNull, isConflict } from '../docker/not-found';
import { removeServiceAndWait } from '../docker/services';

/** Remove a function's service, then its images (only those labelled as this function's). */
export async function removeFunction(engine: Docker, instance: string, sandboxId: string, fn: string): Promise<void> {
  await removeServiceAndWait(engine, names.functionService(instance, sandboxId, fn));
  const images = await engine.listImages({ filters: ownedFilter(instance, { [LABEL.sandbox]: sandboxId, [LABEL.fn]: fn }) });
  for (const img of images) {
    try {
      await orNull(engine.getImage(img.Id).remove({ force: true }));
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
}
