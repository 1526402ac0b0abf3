import type Docker from 'dockerode';
import type { Config } from '../config';
import type { Queries } from '../db/queries';
import { AppError } from '../errors';
import { prometheusUrl } from '../sandbox/prometheus';
import { panelSpec, stepFor, type MetricsRequest, type Panel } from './panels';
import { queryRange, type RangeSeries } from './prometheus';

/** A panel as the browser draws it: one time axis (unix seconds) and a value per series per time. */
export type PanelData = { panel: Panel; title: string; unit: string; series: { name: string; values: (number | null)[] }[] };
export type DashboardData =
  | { sandbox: false }
  | { sandbox: true; window: number; step: number; times: number[]; panels: PanelData[] };

export type MetricsDeps = { engine: Docker; q: Queries; cfg: Config };
/** Where Prometheus is; injectable so that a test can point at a Prometheus of its own. */
export type Locate = () => Promise<string | null>;

/**
 * Samples of each series on one grid of times, null where a series has none (a function not
 * yet called, a gap between scrapes): uPlot draws aligned arrays.
 */
export function alignSeries(times: number[], named: { name: string; series: RangeSeries }[]): PanelData['series'] {
  const index = new Map(times.map((t, i) => [t, i]));
  return named.map(({ name, series }) => {
    const values: (number | null)[] = times.map(() => null);
    for (const [t, v] of series.samples) {
      const i = index.get(t);
      if (i !== undefined) values[i] = v;
    }
    return { name, values };
  }).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The grid ends now: on a step boundary the newest point could be up to a step (24 s in the
 * hour's window) old, and calls the 5 min window already shows would be missing there.
 */
export function timeGrid(nowMs: number, minutes: number, step: number): number[] {
  const end = Math.floor(nowMs / 1000);
  const n = Math.floor((minutes * 60) / step);
  return Array.from({ length: n + 1 }, (_, i) => end - (n - i) * step);
}

/** The panels of one sandbox, from the platform's Prometheus. */
export async function sandboxPanels(prometheus: string, sandboxId: string, req: MetricsRequest, nowMs = Date.now()): Promise<DashboardData> {
  const step = stepFor(req.window);
  const times = timeGrid(nowMs, req.window, step);
  const range = { start: times[0], end: times[times.length - 1], step };
  const panels = await Promise.all(req.panels.map(async (panel): Promise<PanelData> => {
    const spec = panelSpec(panel, sandboxId, step);
    const results = await Promise.all(spec.queries.map(async (q) => (await queryRange(prometheus, { query: q.query, ...range })).map((series) => ({ name: q.series(series.labels), series }))));
    return { panel, title: spec.title, unit: spec.unit, series: alignSeries(times, results.flat()) };
  }));
  return { sandbox: true, window: req.window, step, times, panels };
}

/**
 * The participant's own dashboard. No sandbox yet is an answer, not an error: the pane tells
 * them how to get one. The participant's sandbox id comes from the database, never the request.
 */
export async function participantDashboard(deps: MetricsDeps, participantId: string, req: MetricsRequest, locate?: Locate): Promise<DashboardData> {
  const row = deps.q.sandboxOf(participantId);
  if (!row) return { sandbox: false };
  const url = await (locate ?? (() => cachedPrometheusUrl(deps, row.instance)))();
  if (!url) throw new AppError('unavailable', 'The platform\'s Prometheus is not running, so there are no charts yet.', { hint: 'It is started with the platform (npm start) and restarts on its own; the charts try again in a few seconds.' });
  try {
    return await sandboxPanels(url, row.id, req);
  } catch (err) {
    // Its task may have moved to another port (a restart): look it up again next time.
    located.delete(row.instance);
    throw err;
  }
}

// Every open Dashboard tab asks every 5 s; one task listing per instance per 30 s is enough.
const located = new Map<string, { url: string; at: number }>();
const LOCATE_TTL_MS = 30_000;

async function cachedPrometheusUrl(deps: MetricsDeps, instance: string): Promise<string | null> {
  const hit = located.get(instance);
  if (hit && Date.now() - hit.at < LOCATE_TTL_MS) return hit.url;
  const url = await prometheusUrl(deps.engine, instance, deps.cfg.FAASLAB_GATEWAY_HOST);
  if (url) located.set(instance, { url, at: Date.now() });
  else located.delete(instance);
  return url;
}
