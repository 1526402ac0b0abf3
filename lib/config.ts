import path from 'node:path';
import { z } from 'zod';

/** FAASLAB_BUILD_TIMEOUT_MS's default, also for builds started without a configuration (tests, benches). */
export const DEFAULT_BUILD_TIMEOUT_MS = 300_000;

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
  FAASLAB_PUBLIC_PORTS: z.string().regex(/^\d{1,5}-\d{1,5}$/, 'a range of ports like 28000-28199').default('28000-28199')
    .describe('Ports from which each participant gets one: their gateway (and builder) at the root of a URL, http://<host>:<port>, for OpenFaaS\'s own faas-cli on a laptop'),
  FAASLAB_PKGINDEX_PORT: z.coerce.number().int().min(0).max(65535).default(47001)
    .describe('Port of the offline package index (on the Docker bridge address); fixed so build caches survive restarts, 0 = any'),
  FAASLAB_BUILD_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2)
    .describe('Function builds running at once across the platform; more wait in a queue'),
  FAASLAB_SCALE_TO_ZERO_SECONDS: z.coerce.number().int().min(0).default(900)
    .describe('Scale a function to 0 replicas after this many idle seconds (0 = never); the next call wakes it'),
  FAASLAB_SANDBOX_IDLE_MINUTES: z.coerce.number().int().min(0).default(60)
    .describe('Remove a sandbox after this many minutes without activity (0 = never); the workspace files stay'),
  FAASLAB_SANDBOX_MAX_HOURS: z.coerce.number().positive().default(8)
    .describe('Hard limit on a sandbox\'s life; Extend pushes it back, never past this many hours from now'),
  FAASLAB_SANDBOX_EXTEND_MINUTES: z.coerce.number().int().positive().default(60)
    .describe('Time one Extend adds (to the idle timeout and the hard limit)'),
  FAASLAB_POOL_SIZE: z.coerce.number().int().min(0).max(200).default(2)
    .describe('Sandboxes kept ready in advance (the warm pool) so a newcomer gets a shell at once; 0 = none. For a room, about a quarter of the participants'),
  FAASLAB_PROVISION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8)
    .describe('New sandboxes made at once; more wait their turn, told how many are ahead (on 2 cores, 40 at once all finish together near the end; 8 at a time finish in turn, no later)'),
  FAASLAB_WORKSPACE_MB: z.coerce.number().int().min(0).max(10_240).default(128)
    .describe('Quota: size of each sandbox\'s home (its own small file system; needs root). 0 = no quota, a plain folder'),
  FAASLAB_WORKSPACE_RETENTION_DAYS: z.coerce.number().min(0).max(3650).default(30)
    .describe('Delete the files (and database row) of a participant who has no sandbox and was not seen for this many days; 0 = keep forever. 30 = the participant cookie\'s life: after that nobody can reach the files'),
  FAASLAB_MAX_FUNCTIONS: z.coerce.number().int().min(1).max(200).default(15)
    .describe('Quota: functions one sandbox may have deployed at once'),
  FAASLAB_MAX_IMAGES: z.coerce.number().int().min(0).max(10_000).default(60)
    .describe('Quota: function images one sandbox may hold; a build at it is refused (0 = no limit). Older versions are pruned once no container uses them, but Swarm keeps the containers of a service\'s last tasks (its task history, 5 by default), so a function edited often holds ~6: 60 lets 10 functions be worked on at once'),
  FAASLAB_IMAGE_DISK_MB: z.coerce.number().int().min(0).max(1_048_576).default(1024)
    .describe('Quota: disk a sandbox\'s images add on top of the platform images they are built from; a build at it is refused (0 = no limit). A python3, node or dockerfile function adds ~5 MB (the watchdog), each edit bytes, requests ~5 MB more: 1024 is ample, and bounds what 40 sandboxes can take'),
  FAASLAB_REAPER_SECONDS: z.coerce.number().int().min(0).default(60)
    .describe('How often expired sandboxes are removed (0 = never)'),
  FAASLAB_BUILD_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_BUILD_TIMEOUT_MS)
    .describe('A function build that runs longer than this is stopped (time waiting in the queue does not count)'),
  FAASLAB_BUILDS_PER_SANDBOX: z.coerce.number().int().min(1).max(32).default(1)
    .describe('Builds of one sandbox running at once while other sandboxes wait; more run only on builders nobody else waits for'),
  FAASLAB_BUILD_ISOLATION: z.enum(['on', 'off']).default('on')
    .describe('on: build steps run on an internal network that reaches only the package index, with a pids limit (needs root, cgroup v1 + cgroupfs); off: unconfined, for a single-user development machine'),
  FAASLAB_DEPLOY_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  FAASLAB_INSTRUCTOR_EMAIL: z.string().optional()
    .describe('The first instructor account, made at start when no account has this email (with FAASLAB_INSTRUCTOR_PASSWORD); unset: self-paced use only'),
  FAASLAB_INSTRUCTOR_PASSWORD: z.string().optional()
    .describe('That account\'s first password (10 characters or more); an account that exists keeps its own'),
  FAASLAB_INSTRUCTOR_NAME: z.string().optional()
    .describe('That account\'s name on the dashboard (default "Instructor")'),
  FAASLAB_SESSION_SECRET: z.string().min(32, 'at least 32 characters, e.g. `openssl rand -hex 32`; or unset it, and FaaS Lab keeps one in the data directory').optional()
    .describe('Key of the instructor login cookies; unset: a random one kept in <data dir>/session-secret (several servers of one room need the same)'),
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
