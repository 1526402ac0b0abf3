import type Docker from 'dockerode';
import { config, type Config } from './config';
import { openDb } from './db/open';
import { queries, type Queries } from './db/queries';
import { docker } from './docker/client';
import { readImageManifest, type ImageManifest } from './platform/manifest';

export type AppContext = { cfg: Config; engine: Docker; q: Queries; images: ImageManifest };

/** The server's collaborators, built once per process; routes and actions pass them down. */
export function appContext(): AppContext {
  const cfg = config();
  return { cfg, engine: docker(), q: queries(openDb(cfg.dataDir)), images: readImageManifest(cfg.dataDir) };
}
