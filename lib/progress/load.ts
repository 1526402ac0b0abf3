import type { Queries } from '../db/queries';
import { AppError } from '../errors';
import { findStep } from '../labs/catalogue';
import type { LabInfo, StepInfo } from '../labs/schema';
import { stepChecks, type StepCheck, type StepChecksOf } from './step-checks';
import { checkStatuses, stepKey, summarise, type CheckStatus, type Progress } from './summary';

/** Every step's checks, by `lab/step` (compiled lessons are cached, so after the first call this is cheap). */
export async function checksByStep<C extends StepCheck>(catalogue: LabInfo[], checksOf: (step: StepInfo) => Promise<C[]>): Promise<Map<string, C[]>> {
  const entries = await Promise.all(catalogue.flatMap((lab) => lab.steps.map(async (s) => [stepKey(lab.slug, s.slug), await checksOf(s)] as const)));
  return new Map(entries);
}

/** A participant's progress over the whole catalogue, from what the database holds (null: a visitor without a cookie yet, who has none). */
export async function progressOf(q: Queries, catalogue: LabInfo[], participantId: string | null, checksOf: StepChecksOf = stepChecks): Promise<Progress> {
  return summarise({
    catalogue,
    checks: await checksByStep(catalogue, checksOf),
    results: participantId ? q.checkResultsOf(participantId) : [],
    visits: participantId ? q.stepVisitsOf(participantId) : [],
    currentSandbox: participantId ? q.sandboxOf(participantId)?.id ?? null : null,
  });
}

/** The recorded results of one step's checks (GET /api/checks); an unknown step is not_found. */
export async function stepCheckStatuses(q: Queries, catalogue: LabInfo[], participantId: string, lab: string, step: string, checksOf: StepChecksOf = stepChecks): Promise<Record<string, CheckStatus>> {
  const found = findStep(catalogue, lab, step);
  if (!found) throw new AppError('not_found', `There is no step ${lab}/${step}.`, { hint: 'Reload the page: the lessons may have changed.' });
  return checkStatuses(await checksOf(found.step), q.checkResultsOf(participantId, { lab, step }), q.sandboxOf(participantId)?.id ?? null);
}

/**
 * Keep the result of a check that just ran, against the sandbox it ran in (the participant's
 * current one: the check made it if need be). Returns false when there is none to tie it to.
 */
export function recordCheck(q: Queries, participantId: string, check: { lab: string; step: string; id: string }, passed: boolean): boolean {
  const sandbox = q.sandboxOf(participantId);
  if (!sandbox) return false;
  q.recordCheckResult({ participant_id: participantId, lab: check.lab, step: check.step, check_id: check.id, passed, sandbox_id: sandbox.id });
  return true;
}

/** The participant opened a step of the catalogue (anything else is ignored: no rows for made-up slugs). */
export function recordVisit(q: Queries, catalogue: LabInfo[], participantId: string, lab: string, step: string): void {
  if (findStep(catalogue, lab, step)) q.recordStepVisit({ participant_id: participantId, lab, step });
}
