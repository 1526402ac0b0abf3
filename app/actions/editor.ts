'use server';

import { z } from 'zod';
import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { validateFunctionName } from '@/lib/docker/names';
import { toErrorView, type ErrorView } from '@/lib/errors';
import { invokeFunction } from '@/lib/faas/invoke';
import { createJob } from '@/lib/jobs/jobs';
import { deployFromWorkspace } from '@/lib/runner/deploy-workspace';
import { ensureSandbox } from '@/lib/sandbox/provision';

const deploySchema = z.object({ stackFile: z.string().min(1).max(255), fn: z.string().min(1).max(63) });
const invokeSchema = z.object({ fn: z.string().min(1).max(63), input: z.string().max(1024 * 1024, 'The request body is larger than 1 MiB.') });

const invalid = (err: z.ZodError): { error: ErrorView } => ({ error: { code: 'invalid', message: err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') } });

/** The editor's Deploy: `faas-cli up` of one function of a stack file, followed at /api/jobs/<id>/events. */
export async function startDeploy(input: z.input<typeof deploySchema>): Promise<{ jobId: string } | { error: ErrorView }> {
  try {
    const parsed = deploySchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const participantId = await currentParticipant();
    const job = createJob(participantId);
    void deployFromWorkspace(appContext(), job, { participantId, ...parsed.data });
    return { jobId: job.id };
  } catch (err) {
    return { error: toErrorView(err) };
  }
}

export type Invoked = { status: number; body: string; durationSeconds: number | null; ms: number } | { error: ErrorView };

/** The editor's Invoke: one call to the function through the participant's gateway, as `faas-cli invoke` makes. */
export async function invokeDeployed(input: z.input<typeof invokeSchema>): Promise<Invoked> {
  try {
    const parsed = invokeSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const sandbox = await ensureSandbox(appContext(), await currentParticipant());
    const fn = validateFunctionName(parsed.data.fn, sandbox.instance, sandbox.id);
    const t0 = Date.now();
    const res = await invokeFunction(sandbox.gatewayUrl, fn, parsed.data.input);
    return { status: res.status, body: res.body, durationSeconds: res.durationSeconds, ms: Date.now() - t0 };
  } catch (err) {
    return { error: toErrorView(err) };
  }
}
