import type Docker from 'dockerode';
import { buildIsolation } from '../builder/isolation';
import type { Config } from '../config';
import { npmDir } from './npm';
import { startPackageIndex, stopPackageIndex } from './server';
import { pypiDir } from './wheels';

/**
 * The offline package indexes of this installation as function builds reach them (one server,
 * started on first use): pip's index URL and the npm registry URL, passed to templates as
 * PIP_INDEX_URL and NPM_REGISTRY. With build isolation on, the server listens on the build
 * network's gateway, the one host port that network's firewall lets build steps reach; off,
 * on the default bridge's.
 */
export async function buildPackageIndex(engine: Docker, cfg: Config): Promise<{ pip: string; npm: string }> {
  const isolation = cfg.FAASLAB_BUILD_ISOLATION === 'on' ? await buildIsolation(engine, cfg.FAASLAB_PREFIX) : null;
  const host = isolation?.network.gateway;
  const start = () => startPackageIndex({ dir: pypiDir(cfg.dataDir), npmDir: npmDir(cfg.dataDir), port: cfg.FAASLAB_PKGINDEX_PORT, host, engine });
  let index = await start();
  if (host && index.host !== host) {
    // Started for another network (the build network was made again, or a script started it on
    // the default bridge): build steps could not reach it there.
    await stopPackageIndex();
    index = await start();
  }
  await isolation?.allowPort(index.port);
  return { pip: index.url, npm: index.npmUrl };
}
