import {
  AckPolicy, connect, headers as natsHeaders, nanos, RetentionPolicy, StorageType,
  type ConsumerMessages, type JsMsg, type NatsConnection,
} from 'nats';
import { decodeRequest, encodeRequest, REQUEST_HEADER, type QueuedRequest } from './request';

export type QueueConfig = {
  url: string;
  /** JetStream stream shared by the instance's sandboxes; each sandbox has its own subject. */
  stream: string;
  sandboxId: string;
  /** Invocations of this sandbox running at once (OpenFaaS's queue-worker: max_inflight=1). */
  maxInflight: number;
  /** A message not acknowledged within this time is delivered again (the worker keeps it alive while it runs). */
  ackWaitMs: number;
};

export type Handler = (req: QueuedRequest, body: Uint8Array, msg: JsMsg) => Promise<void>;

const subjectOf = (cfg: QueueConfig) => `${cfg.stream}.${cfg.sandboxId}`;
const consumerOf = (cfg: QueueConfig) => `worker-${cfg.sandboxId}`;

/**
 * The sandbox's async queue in NATS JetStream. The stream is a work queue (a message is deleted
 * once acknowledged) kept on disk by NATS, so requests accepted before a gateway restart are
 * still there after it; the durable consumer remembers what was delivered. The gateway is both
 * the publisher (/async-function) and the worker (OpenFaaS runs a separate queue-worker; one
 * process per sandbox is lighter here and needs no extra credentials).
 */
export class AsyncQueue {
  private nc: NatsConnection | null = null;
  private ready: Promise<void> | null = null;
  private messages: ConsumerMessages | null = null;
  private readonly inflight = new Set<JsMsg>();
  private stopping = false;

  constructor(private readonly cfg: QueueConfig, private readonly log: (line: string) => void = console.log) {}

  /** Connect (retrying for ever: NATS may start after the gateway), then declare the stream and consumer. */
  start(handler: Handler): void {
    this.ready = (async () => {
      this.nc = await connect({ servers: this.cfg.url, name: `gateway-${this.cfg.sandboxId}`, maxReconnectAttempts: -1, waitOnFirstConnect: true, reconnectTimeWait: 500 });
      this.log(`async: connected to ${this.cfg.url}`);
      await this.declare();
      void this.work(handler);
    })();
    this.ready.catch((err) => this.log(`async: queue unavailable: ${(err as Error).message}`));
  }

  /** True once the queue accepts work. */
  get connected(): boolean {
    return !!this.nc && !this.nc.isClosed() && this.messages !== null;
  }

  async publish(req: QueuedRequest, body: Uint8Array): Promise<void> {
    if (!this.connected) throw new Error('the async queue (NATS) is not connected');
    const h = natsHeaders();
    h.set(REQUEST_HEADER, encodeRequest(req));
    await this.nc!.jetstream().publish(subjectOf(this.cfg), body, { headers: h, msgID: req.callId, timeout: 5000 });
  }

  private async declare(): Promise<void> {
    const jsm = await this.nc!.jetstreamManager();
    const stream = {
      name: this.cfg.stream,
      subjects: [`${this.cfg.stream}.*`],
      retention: RetentionPolicy.Workqueue,
      storage: StorageType.File,
      max_age: nanos(24 * 3600 * 1000),
    };
    try {
      await jsm.streams.info(this.cfg.stream);
    } catch {
      try {
        await jsm.streams.add(stream);
      } catch (err) {
        if (!/already in use/.test((err as Error).message)) throw err; // another gateway made it first
      }
    }
    await jsm.consumers.add(this.cfg.stream, {
      durable_name: consumerOf(this.cfg),
      filter_subject: subjectOf(this.cfg),
      ack_policy: AckPolicy.Explicit,
      ack_wait: nanos(this.cfg.ackWaitMs),
      max_ack_pending: this.cfg.maxInflight,
      max_deliver: 10, // a request that keeps failing to be delivered is given up, not retried for ever
      // a removed sandbox's consumer goes away by itself a week after its gateway did
      inactive_threshold: nanos(7 * 24 * 3600 * 1000),
    });
  }

  private async work(handler: Handler): Promise<void> {
    const consumer = await this.nc!.jetstream().consumers.get(this.cfg.stream, consumerOf(this.cfg));
    this.messages = await consumer.consume({ max_messages: this.cfg.maxInflight });
    const running = new Set<Promise<void>>();
    for await (const msg of this.messages) {
      if (this.stopping) { msg.nak(); continue; }
      const req = decodeRequest(msg.headers?.get(REQUEST_HEADER));
      if (!req) { this.log(`async: dropping message ${msg.seq}: not a queued request`); msg.term(); continue; }
      this.inflight.add(msg);
      const keepAlive = setInterval(() => msg.working(), Math.max(1000, this.cfg.ackWaitMs / 3));
      const p = handler(req, msg.data, msg)
        .then(() => msg.ack())
        .catch((err) => { this.log(`async: ${req.fn} ${req.callId}: ${(err as Error).message}; will retry`); msg.nak(1000); })
        .finally(() => { clearInterval(keepAlive); this.inflight.delete(msg); running.delete(p); });
      running.add(p);
      while (running.size >= this.cfg.maxInflight) await Promise.race(running);
    }
  }

  /** Stop taking work; requests still running are handed back to NATS for the next gateway. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const msg of this.inflight) msg.nak();
    this.messages?.stop();
    if (this.nc) await this.nc.drain().catch(() => {});
  }
}
