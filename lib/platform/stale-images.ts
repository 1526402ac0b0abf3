import type Docker from 'dockerode';
import { LABEL } from '../docker/labels';
import { isConflict, orNull } from '../docker/not-found';
import { manifestTags, type ImageManifest } from './manifest';

/**
 * Remove platform images left by earlier recipes (other tags of our faaslab-<key> repositories)
 * and dangling images labelled as ours (old build stages). An image still used by a running
 * container, e.g. the gateway of a sandbox started before an upgrade, is kept.
 */
export async function removeStalePlatformImages(engine: Docker, manifest: ImageManifest): Promise<string[]> {
  const current = new Set(manifestTags(manifest));
  const repos = new Set([...current].map((t) => t.split(':')[0]));
  const removed: string[] = [];
  const tryRemove = async (ref: string) => {
    try {
      if (await orNull(engine.getImage(ref).remove())) removed.push(ref);
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  };
  for (const img of await engine.listImages({ filters: { label: [`${LABEL.managed}=true`, `${LABEL.component}=platform-image`] } })) {
    for (const tag of img.RepoTags ?? []) {
      // Store images are one repository per store/<image>/ folder: a folder renamed or removed
      // leaves a repository no current tag names, still ours to clean up.
      const repo = tag.split(':')[0];
      if (!current.has(tag) && (repos.has(repo) || repo.startsWith('faaslab-store-'))) await tryRemove(tag);
    }
  }
  // Only the platform's own leftovers: images built FROM ours inherit our labels, and a
  // participant's multi-stage build may have a dangling stage in use at this very moment.
  for (const component of ['platform-image', 'build-stage', 'base']) {
    for (const img of await engine.listImages({ filters: { label: [`${LABEL.managed}=true`, `${LABEL.component}=${component}`], dangling: ['true'] } })) await tryRemove(img.Id);
  }
  return removed;
}
