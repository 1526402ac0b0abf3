import fs from 'node:fs/promises';
import path from 'node:path';
import type { ContextFiles } from '../docker/build';
import { bundleForContainer } from './bundle';
import { readDirContext } from './context';
import type { ImageManifest } from './manifest';

/** A platform image built with `docker build` on top of images made before it. */
export type Recipe = {
  key: Exclude<keyof ImageManifest, 'base' | 'store'>;
  title: string;
  dockerfile: string;
  context: (root: string) => Promise<ContextFiles>;
  args: (built: Partial<ImageManifest>) => Record<string, string>;
};

const only = async (): Promise<ContextFiles> => new Map();

/** In build order: each recipe may use the images of the ones before it. */
export const recipes: Recipe[] = [
  {
    key: 'node',
    title: "Node.js runtime (Debian's nodejs)",
    dockerfile: 'images/node/Dockerfile',
    context: only,
    args: (b) => ({ BASE_IMAGE: b.base! }),
  },
  {
    key: 'python',
    title: "Python with pip (Debian's python3-pip)",
    dockerfile: 'images/python/Dockerfile',
    context: only,
    args: (b) => ({ BASE_IMAGE: b.base! }),
  },
  {
    key: 'watchdog',
    title: 'function watchdog (Go, built and tested in the image build)',
    dockerfile: 'images/watchdog/Dockerfile',
    context: (root) => readDirContext(path.join(root, 'runtime/watchdog')),
    args: (b) => ({ BASE_IMAGE: b.base! }),
  },
  {
    key: 'prometheus',
    title: "Prometheus (Debian's package)",
    dockerfile: 'images/prometheus/Dockerfile',
    context: (root) => readDirContext(path.join(root, 'images/prometheus')),
    args: (b) => ({ BASE_IMAGE: b.base! }),
  },
  {
    key: 'nats',
    title: "NATS with JetStream (Debian's nats-server)",
    dockerfile: 'images/nats/Dockerfile',
    context: (root) => readDirContext(path.join(root, 'images/nats')),
    args: (b) => ({ BASE_IMAGE: b.base! }),
  },
  {
    key: 'shell',
    title: "participant shell (bash, tmux, python3, node, faas-cli)",
    dockerfile: 'images/shell/Dockerfile',
    context: async (root) => {
      const files = await readDirContext(path.join(root, 'templates'), new Map(), 'templates');
      files.set('store/catalog.json', { content: await fs.readFile(path.join(root, 'store/catalog.json')) });
      // The offline mirror of the workshop's well-known URLs, which faas-cli reads for -f/--url.
      await readDirContext(path.join(root, 'store/mirror'), files, 'store/mirror');
      files.set('tmux.conf', { content: await fs.readFile(path.join(root, 'images/shell/tmux.conf')) });
      files.set('faas-cli.js', { content: await bundleForContainer(root, 'runtime/cli/bin.ts') });
      return files;
    },
    args: (b) => ({ NODE_IMAGE: b.node! }),
  },
  {
    key: 'gateway',
    title: 'sandbox gateway',
    dockerfile: 'images/gateway/Dockerfile',
    context: async (root) => new Map([['gateway.js', { content: await bundleForContainer(root, 'runtime/gateway/main.ts') }]]),
    args: (b) => ({ NODE_IMAGE: b.node! }),
  },
];

export async function readDockerfile(root: string, recipe: Recipe): Promise<string> {
  return fs.readFile(path.join(root, recipe.dockerfile), 'utf8');
}
