import type Docker from 'dockerode';
import { config, type Config } from './config';
import { openDb } from './db/open';
import { queries, type Queries } from './db/queries';
import { docker } from './docker/client';
import { readImageManifest, type ImageManifest } from './platform/manifest';

export type AppContext = { cfg: Config; engine: Docker; q: Queries; images: ImageManifest };

const key = Symbol.for('faaslab.appContext');
type Holder = { [key]?: AppContext };

/**
 * The server's collaborators, built once per process (set-up writes the image manifest before
 * the server starts); routes and actions pass them down. Kept on globalThis so that Next's
 * bundle and server.ts share one, and hot paths (provider API, gateway relay) read no files.
 */
export function appContext(): AppContext {
  const g = globalThis as Holder;
  if (!g[key]) {
    const cfg = config();
    g[key] = { cfg, engine: docker(), q: queries(openDb(cfg.dataDir)), images: readImageManifest(cfg.dataDir) };
  }
  return g[key];
}
