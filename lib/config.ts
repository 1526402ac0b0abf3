import path from 'node:path';
import { z } from 'zod';

/** Process configuration, read once from the environment with embedded defaults. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000)
    .describe('HTTP port of the web app'),
  HOST: z.string().default('0.0.0.0').describe('Interface the web app listens on'),
  FAASLAB_DATA_DIR: z.string().default('.data')
    .describe('SQLite database and participant workspaces'),
  FAASLAB_PREFIX: z.string().regex(/^[a-z][a-z0-9]{1,15}$/, 'lowercase letters and digits, 2–16 characters, starting with a letter')
    .default('faaslab')
    .describe('Name prefix and instance label of every Docker object this platform creates'),
  FAASLAB_PUBLISH_MODE: z.enum(['host', 'ingress']).default('host')
    .describe('How gateway ports are published: host (works without IPVS) or ingress (routing mesh)'),
  FAASLAB_ENDPOINT_MODE: z.enum(['dnsrr', 'vip']).default('dnsrr')
    .describe('Swarm endpoint mode for gateways and functions: dnsrr (works without IPVS) or vip'),
  FAASLAB_GATEWAY_HOST: z.string().default('127.0.0.1')
    .describe('Address at which the web app reaches gateways\' published ports'),
  FAASLAB_PKGINDEX_PORT: z.coerce.number().int().min(0).max(65535).default(47001)
    .describe('Port of the offline package index (on the Docker bridge address); fixed so build caches survive restarts, 0 = any'),
  FAASLAB_BUILD_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2)
    .describe('Function builds running at once across the platform; more wait in a queue'),
  FAASLAB_SCALE_TO_ZERO_SECONDS: z.coerce.number().int().min(0).default(900)
    .describe('Scale a function to 0 replicas after this many idle seconds (0 = never); the next call wakes it'),
  FAASLAB_BUILD_TIMEOUT_MS: z.coerce.number().int().positive().default(300_000),
  FAASLAB_DEPLOY_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string; root: string };

let cached: Config | undefined;

/** The configuration of this process. Throws a readable error naming the bad variable. */
export function config(env: NodeJS.ProcessEnv = process.env): Config {
  if (cached && env === process.env) return cached;
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const root = process.cwd();
  const value = { ...parsed.data, root, dataDir: path.resolve(/*turbopackIgnore: true*/ root, parsed.data.FAASLAB_DATA_DIR) };
  if (env === process.env) cached = value;
  return value;
}
