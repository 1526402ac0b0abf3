import { z } from 'zod';
import { AppError } from '../errors';

/**
 * The dashboard's panels, as Lab 2's Grafana dashboard has them (OpenFaaS's contrib/grafana.json),
 * over the gateway's metrics. Queries are made here from fixed templates only: the browser
 * names a panel and a window, never PromQL, and every selector carries the participant's own
 * sandbox label, so no request can read another sandbox's series.
 */
export const PANELS = ['invocations', 'count', 'duration', 'replicas'] as const;
export type Panel = (typeof PANELS)[number];
export const WINDOWS = [5, 15, 60] as const;
export type WindowMinutes = (typeof WINDOWS)[number];

export const metricsRequestSchema = z.object({
  window: z.coerce.number()
    .refine((w) => (WINDOWS as readonly number[]).includes(w), { message: `window must be ${WINDOWS.join(', ')} (minutes)` })
    .transform((w) => w as WindowMinutes)
    .default(15).describe('Minutes of history: 5, 15 or 60.'),
  panels: z.string().optional().transform((s, ctx) => {
    const list = s ? s.split(',').filter(Boolean) : [...PANELS];
    const bad = list.filter((p) => !(PANELS as readonly string[]).includes(p));
    if (bad.length) ctx.addIssue({ code: 'custom', message: `no panel ${bad.map((b) => JSON.stringify(b)).join(', ')}; panels are ${PANELS.join(', ')}` });
    return list as Panel[];
  }).describe(`Comma-separated panels out of ${PANELS.join(', ')}; all when left out.`),
});
export type MetricsRequest = z.infer<typeof metricsRequestSchema>;

/** One query of a panel; `series` names each resulting series from its labels for the legend. */
export type PanelQuery = { query: string; series: (labels: Record<string, string>) => string };
export type PanelSpec = { title: string; unit: string; queries: PanelQuery[] };

const SANDBOX_ID = /^[a-z0-9]{1,32}$/;
/** Points per series at most (a window of 60 min is drawn from 150 points, one every 24 s). */
export const MAX_POINTS = 150;
/** Never finer than this: Prometheus scrapes every 15 s, finer steps only repeat samples. */
const MIN_STEP = 5;

/** The step (seconds) for a window: points stay ≤ MAX_POINTS. */
export const stepFor = (minutes: WindowMinutes) => Math.max(MIN_STEP, Math.ceil((minutes * 60) / MAX_POINTS));

/**
 * Rates are over at least 1 min so that it always holds two scrapes 15 s apart (OpenFaaS's
 * dashboard uses 20 s over 5 s scrapes), and at least two steps so that no call falls between.
 */
const rangeSeconds = (step: number) => Math.max(60, 2 * step);

/**
 * Per-second rate of a counter over `secs`, counting a series' birth as an increase from 0.
 * The gateway creates a function's counter at its first call, so a first burst of 12 calls is
 * first scraped as 12, and rate() alone reads that as no increase at all: the participant's
 * first loop would never show. A series with no sample `secs` ago (`unless … offset`) adds its
 * first value in the range (a counter's minimum) / secs, as if it had been 0 just before;
 * rate() covers what came after that first sample.
 */
export function rateWithBirths(selector: string, secs: number): string {
  const rate = `rate(${selector}[${secs}s])`;
  const born = `(min_over_time(${selector}[${secs}s]) unless ${selector} offset ${secs}s) / ${secs}`;
  return `((${rate} + ${born}) or ${rate} or ${born})`;
}

export function panelSpec(panel: Panel, sandboxId: string, step: number): PanelSpec {
  if (!SANDBOX_ID.test(sandboxId)) throw new AppError('internal', `Not a sandbox id: ${JSON.stringify(sandboxId)}`);
  const own = `sandbox="${sandboxId}"`;
  const secs = rangeSeconds(step);
  const fnCode = (l: Record<string, string>) => `${l.function_name ?? '?'} ${l.code ?? ''}`.trim();
  const fn = (l: Record<string, string>) => l.function_name ?? '?';
  switch (panel) {
    case 'invocations':
      return { title: 'Invocation rate', unit: 'req/s', queries: [{ query: `sum by (function_name, code) ${rateWithBirths(`gateway_function_invocation_total{${own}}`, secs)}`, series: fnCode }] };
    case 'count':
      return { title: 'Invocations so far', unit: 'calls', queries: [{ query: `sum by (function_name, code) (gateway_function_invocation_total{${own}})`, series: fnCode }] };
    case 'duration': {
      const q = (quantile: number) => `histogram_quantile(${quantile}, sum by (function_name, le) ${rateWithBirths(`gateway_functions_seconds_bucket{${own}}`, secs)})`;
      return {
        title: 'Execution duration',
        unit: 's',
        queries: [
          { query: q(0.5), series: (l) => `${fn(l)} p50` },
          { query: q(0.95), series: (l) => `${fn(l)} p95` },
        ],
      };
    }
    case 'replicas':
      return { title: 'Replicas', unit: 'replicas', queries: [{ query: `max by (function_name) (gateway_service_count{${own}})`, series: fn }] };
  }
}
