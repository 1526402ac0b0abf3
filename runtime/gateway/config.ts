import type { SandboxScope } from './sandbox-dns';
import { parseSubnets, type Subnet } from './subnets';

/** Gateway settings from its environment (set by the platform when it creates the service). */
export type GatewayConfig = {
  port: number;
  functionPort: number;
  maxBodyBytes: number;
  /** How long a request waits for a function that is starting (DNS not there yet, connection refused). */
  startWaitMs: number;
  upstreamTimeoutMs: number;
  /** Authorises the platform's own API (route overrides); empty disables it. */
  platformToken: string;
  /** How long a request is held while a function scaled to zero starts again. */
  wakeTimeoutMs: number;
  /** NATS JetStream for /async-function; empty disables async invocations. */
  natsUrl: string;
  natsStream: string;
  sandboxId: string;
  asyncMaxInflight: number;
  asyncAckWaitMs: number;
  /**
   * The sandbox network (`sandbox_subnets`, required; `sandbox_network`, its name): the only
   * place the gateway sends requests made for the participant (functions, callbacks), besides
   * itself. It also sits on the shared control network and has a route to the host; those stay
   * out of a participant's reach.
   */
  sandbox: SandboxScope;
  /** Port of the api.open-notify.org stand-in (open-notify.ts); 0 = none. */
  openNotifyPort: number;
};

type Env = Record<string, string | undefined>;

function int(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a non-negative integer, got "${raw}"`);
  return n;
}

function subnets(env: Env): Subnet[] {
  let parsed: Subnet[];
  try {
    parsed = parseSubnets(env.sandbox_subnets ?? '');
  } catch (err) {
    throw new Error(`sandbox_subnets: ${(err as Error).message}`);
  }
  if (parsed.length === 0) {
    throw new Error('sandbox_subnets is not set: give the sandbox network\'s IPv4 subnets (CIDR, comma-separated, e.g. 10.0.3.0/24); the gateway calls no address outside them');
  }
  return parsed;
}

export function readConfig(env: Env = process.env): GatewayConfig {
  return {
    port: int(env, 'port', 8080),
    functionPort: int(env, 'function_port', 8080),
    maxBodyBytes: int(env, 'max_body_bytes', 10 * 1024 * 1024),
    startWaitMs: int(env, 'start_wait_ms', 2000),
    upstreamTimeoutMs: int(env, 'upstream_timeout_ms', 60_000),
    platformToken: env.faaslab_token ?? '',
    wakeTimeoutMs: int(env, 'wake_timeout_ms', 30_000),
    natsUrl: env.nats_url ?? '',
    natsStream: env.nats_stream ?? 'async',
    sandboxId: env.sandbox_id ?? 'default',
    asyncMaxInflight: Math.max(1, int(env, 'async_max_inflight', 1)),
    asyncAckWaitMs: Math.max(1000, int(env, 'async_ack_wait_ms', 30_000)),
    sandbox: { subnets: subnets(env), network: env.sandbox_network ?? '' },
    openNotifyPort: int(env, 'open_notify_port', 0),
  };
}
