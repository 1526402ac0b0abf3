import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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

  constructor(withDefaults = true, sandbox?: string) {
    // One Prometheus scrapes every sandbox's gateway: label each series with its sandbox.
    if (sandbox) this.registry.setDefaultLabels({ sandbox });
    // prom-client samples event-loop lag with a timer at this resolution (default 10 ms: 100
    // wake-ups a second, ~2 % of a core per idle gateway here); once a second is enough.
    if (withDefaults) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 1000 });
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
