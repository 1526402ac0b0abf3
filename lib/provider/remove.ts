import type Docker from 'dockerode';
import { names } from '../docker/names';
import { removeServiceAndWait } from '../docker/services';
import { pruneFunctionImages } from './prune-images';

/**
 * Remove a function's service, then its images (only those labelled as this function's, never
 * by force: one that another function runs, or a child image was built FROM, stays).
 */
export async function removeFunction(engine: Docker, instance: string, sandboxId: string, fn: string): Promise<void> {
  await removeServiceAndWait(engine, names.functionService(instance, sandboxId, fn));
  await pruneFunctionImages(engine, { instance, sandboxId }, { removed: fn });
}
