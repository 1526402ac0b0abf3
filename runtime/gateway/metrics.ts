import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The sandbox's functions and their desired replicas, as the provider lists them. */
export type ReplicaLister = () => Promise<{ name: string; replicas: number }[]>;

/**
 * The gateway's Prometheus metrics, with OpenFaaS's names and labels so that the workshop's
 * queries and dashboards work unchanged (faas gateway/metrics/metrics.go).
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly invocations = new Counter({
    name: 'gateway_function_invocation_total', help: 'Function metrics', labelNames: ['function_name', 'code'], registers: [this.registry],
  });
  readonly started = new Counter({
    name: 'gateway_function_invocation_started', help: 'The total number of function HTTP requests started.', labelNames: ['function_name'], registers: [this.registry],
  });
  readonly seconds = new Histogram({
    name: 'gateway_functions_seconds', help: 'Function time taken', labelNames: ['function_name', 'code'], registers: [this.registry],
  });

  readonly services = new Gauge({
    name: 'gateway_service_count', help: 'Current count of replicas for function', labelNames: ['function_name'], registers: [this.registry],
  });

  /**
   * `listReplicas` feeds gateway_service_count (OpenFaaS's replicas per function, Lab 2's
   * "Replica scaling" panel). OpenFaaS's gateway polls its provider every 5 s for it; asked
   * at scrape time instead (text()), an idle gateway makes no calls between Prometheus's scrapes.
   */
  constructor(withDefaults = true, sandbox?: string, private readonly listReplicas?: ReplicaLister) {
    // One Prometheus scrapes every sandbox's gateway: label each series with its sandbox.
    if (sandbox) this.registry.setDefaultLabels({ sandbox });
    // prom-client samples event-loop lag with a timer at this resolution (default 10 ms: 100
    // wake-ups a second, ~2 % of a core per idle gateway here); once a second is enough.
    if (withDefaults) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 1000 });
  }

  /** The /metrics text, with the replicas asked of the provider just before. */
  async text(): Promise<string> {
    if (this.listReplicas) {
      // A provider that does not answer leaves no stale counts behind: a gap, not a lie.
      this.services.reset();
      try {
        for (const f of await this.listReplicas()) this.services.set({ function_name: f.name }, f.replicas);
      } catch (err) {
        console.error(`gateway: replicas for /metrics: ${(err as Error).message}`);
      }
    }
    return this.registry.metrics();
  }

  observe(fn: string, code: number, seconds: number): void {
    this.invocations.inc({ function_name: fn, code: String(code) });
    this.seconds.observe({ function_name: fn, code: String(code) }, seconds);
  }

  /** Total invocations of one function over all status codes (FunctionStatus.invocationCount). */
  async invocationCount(fn: string): Promise<number> {
    const m = await this.invocations.get();
    return m.values.filter((v) => v.labels.function_name === fn).reduce((n, v) => n + v.value, 0);
  }
}
