import { z } from 'zod';
import { AppError } from '../errors';

/** One series of a range query: its labels and [unix seconds, value] samples (NaN and ±Inf as null). */
export type RangeSeries = { labels: Record<string, string>; samples: [number, number | null][] };
export type RangeQuery = { query: string; start: number; end: number; step: number };

// Prometheus's HTTP API answer (https://prometheus.io/docs/prometheus/latest/querying/api/).
const answerSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    data: z.object({
      resultType: z.literal('matrix'),
      result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(z.tuple([z.number(), z.string()])) })),
    }),
  }),
  z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string() }),
]);

const sample = (v: string): number | null => {
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

/**
 * GET /api/v1/query_range against the platform's Prometheus. The query is built by the caller
 * from fixed templates (panels.ts); this only speaks HTTP and reshapes the answer. A Prometheus
 * that does not answer is 'unavailable'; a query it refuses is our bug ('internal').
 */
export async function queryRange(baseUrl: string, q: RangeQuery, opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<RangeSeries[]> {
  const params = new URLSearchParams({ query: q.query, start: String(q.start), end: String(q.end), step: String(q.step) });
  let res: Response;
  try {
    res = await (opts.fetch ?? fetch)(`${baseUrl}/api/v1/query_range?${params}`, { signal: AbortSignal.timeout(opts.timeoutMs ?? 5000) });
  } catch (err) {
    throw new AppError('unavailable', 'The platform\'s Prometheus did not answer.', { hint: 'It restarts on its own; the charts try again in a few seconds.', cause: err });
  }
  const parsed = answerSchema.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new AppError('unavailable', `The platform's Prometheus gave an answer that is not a range query result (HTTP ${res.status}).`, { hint: 'The charts try again in a few seconds.' });
  if (parsed.data.status === 'error') throw new AppError('internal', `Prometheus refused a dashboard query: ${parsed.data.error}`);
  return parsed.data.data.result.map((r) => ({ labels: r.metric, samples: r.values.map(([t, v]) => [t, sample(v)] as [number, number | null]) }));
}
