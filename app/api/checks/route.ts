import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { AppError, isAppError, toErrorView } from '@/lib/errors';
import { labs } from '@/lib/labs';
import { checkRequestSchema, runStepCheck } from '@/lib/lessons/checks';
import { log } from '@/lib/log';
import { recordCheck, stepCheckStatuses } from '@/lib/progress/load';

export const dynamic = 'force-dynamic';

const fail = (err: unknown) => Response.json({ error: toErrorView(err) }, { status: isAppError(err) ? err.status : 500 });

/**
 * Run one of a step's checks in the participant's shell: POST { lab, step, id } →
 * { passed, output }, or { error } with the status of its code (404 for no such check).
 * The script comes from the lesson, never from the request. The result is kept as the
 * participant's progress, against the sandbox it ran in.
 */
export async function POST(request: Request) {
  try {
    const body = checkRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw new AppError('invalid', 'Send a JSON body { "lab", "step", "id" } naming a check of a lesson step.');
    const ctx = appContext();
    const participant = await currentParticipant();
    const result = await runStepCheck(ctx, labs(), participant, body.data);
    if (!recordCheck(ctx.q, participant, body.data, result.passed)) log.warn({ check: body.data }, 'check result not kept: the sandbox was gone when it finished');
    return Response.json(result);
  } catch (err) {
    return fail(err);
  }
}

const stepQuerySchema = checkRequestSchema.pick({ lab: true, step: true });

/** The participant's recorded results of a step's checks: GET ?lab=…&step=… → { checks: { [id]: { passed, at, redo } } }. */
export async function GET(request: Request) {
  try {
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const query = stepQuerySchema.safeParse(params);
    if (!query.success) {
      const fields = [...new Set(query.error.issues.map((i) => String(i.path[0])))].join(' and ');
      throw new AppError('invalid', `Name a lesson step with ?lab=…&step=… (${fields}: missing, empty or too long).`, { hint: 'For example /api/checks?lab=03-functions&step=03-build-deploy-invoke.' });
    }
    const ctx = appContext();
    return Response.json({ checks: await stepCheckStatuses(ctx.q, labs(), await currentParticipant(), query.data.lab, query.data.step) });
  } catch (err) {
    return fail(err);
  }
}
