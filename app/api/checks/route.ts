import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { AppError, isAppError, toErrorView } from '@/lib/errors';
import { labs } from '@/lib/labs';
import { checkRequestSchema, runStepCheck } from '@/lib/lessons/checks';

export const dynamic = 'force-dynamic';

/**
 * Run one of a step's checks in the participant's shell: POST { lab, step, id } →
 * { passed, output }, or { error } with the status of its code (404 for no such check).
 * The script comes from the lesson, never from the request.
 */
export async function POST(request: Request) {
  try {
    const body = checkRequestSchema.safeParse(await request.json().catch(() => null));
    if (!body.success) throw new AppError('invalid', 'Send a JSON body { "lab", "step", "id" } naming a check of a lesson step.');
    return Response.json(await runStepCheck(appContext(), labs(), await currentParticipant(), body.data));
  } catch (err) {
    return Response.json({ error: toErrorView(err) }, { status: isAppError(err) ? err.status : 500 });
  }
}
