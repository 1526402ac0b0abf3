import type { Config } from '../config';
import { npmDir } from './npm';
import { startPackageIndex } from './server';
import { pypiDir } from './wheels';

/**
 * The offline package indexes of this installation as function builds reach them (one server,
 * started on first use): pip's index URL and the npm registry URL, passed to templates as
 * PIP_INDEX_URL and NPM_REGISTRY.
 */
export async function buildPackageIndex(cfg: Config): Promise<{ pip: string; npm: string }> {
  const index = await startPackageIndex({ dir: pypiDir(cfg.dataDir), npmDir: npmDir(cfg.dataDir), port: cfg.FAASLAB_PKGINDEX_PORT });
  return { pip: index.url, npm: index.npmUrl };
}
