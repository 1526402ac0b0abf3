import type { Config } from '../config';
import { startPackageIndex } from './server';
import { pypiDir } from './wheels';

/** The offline PyPI index of this installation, as function builds reach it (started on first use). */
export async function buildPackageIndexUrl(cfg: Config): Promise<string> {
  return (await startPackageIndex({ dir: pypiDir(cfg.dataDir), port: cfg.FAASLAB_PKGINDEX_PORT })).url;
}
