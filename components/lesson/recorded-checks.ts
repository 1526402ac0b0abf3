// zod/mini, not zod: this is on every step page's first load (zod's full build added ~30 kB gzip).
import * as z from 'zod/mini';

/** GET /api/checks?lab=…&step=… (app/api/checks/route.ts): the participant's recorded results of a step's checks. */
const recordedSchema = z.object({
  checks: z.record(z.string(), z.object({ passed: z.boolean(), at: z.number(), redo: z.boolean() })),
});
export type RecordedCheck = z.infer<typeof recordedSchema>['checks'][string];
export type RecordedChecks = Readonly<Record<string, RecordedCheck>>;

// One request per step page, however many <Check>s it has; forgotten after a while so that a
// page opened again later asks again.
const pending = new Map<string, { at: number; answer: Promise<RecordedChecks> }>();
const KEEP_MS = 5_000;

/**
 * What the participant has recorded for a step's checks. Nothing recorded is `{}`: so is a 404
 * (no such route yet), any other failure, or an answer of another shape, since a missing record
 * only means the participant presses Check again.
 */
export function recordedChecks(lab: string, step: string): Promise<RecordedChecks> {
  const key = `${lab}/${step}`;
  const hit = pending.get(key);
  if (hit && Date.now() - hit.at < KEEP_MS) return hit.answer;
  const answer = fetch(`/api/checks?${new URLSearchParams({ lab, step })}`, { headers: { Accept: 'application/json' } })
    .then(async (res) => (res.ok ? recordedSchema.safeParse(await res.json()) : null))
    .then((r) => (r?.success ? r.data.checks : {}))
    .catch(() => ({}));
  pending.set(key, { at: Date.now(), answer });
  return answer;
}
