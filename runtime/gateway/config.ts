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
};

function int(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
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
  };
}
