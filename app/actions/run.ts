'use server';

import { z } from 'zod';
import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { toErrorView, type ErrorView } from '@/lib/errors';
import { createJob } from '@/lib/jobs/jobs';
import { runFunction } from '@/lib/runner/run-function';
import { MAX_FILE_BYTES } from '@/lib/workspace/files';

const runSchema = z.object({
  fn: z.string().min(1).max(63),
  lang: z.string().min(1).max(40),
  file: z.string().min(1).max(255),
  content: z.string().max(MAX_FILE_BYTES, `The file is larger than ${MAX_FILE_BYTES} bytes.`),
  input: z.string().max(1024 * 1024, 'The request body is larger than 1 MiB.'),
});

export type StartRunResult = { jobId: string } | { error: ErrorView };

/**
 * Save the file and start build → deploy → invoke in the background; the browser follows the
 * job's events at /api/jobs/<id>/events (build lines stream there as they happen).
 */
export async function startRun(input: z.input<typeof runSchema>): Promise<StartRunResult> {
  try {
    const parsed = runSchema.safeParse(input);
    if (!parsed.success) return { error: { code: 'invalid', message: parsed.error.issues.map((i) => i.message).join('; ') } };
    const participantId = await currentParticipant();
    const ctx = appContext();
    const job = createJob(participantId);
    void runFunction(ctx, job, { participantId, ...parsed.data });
    return { jobId: job.id };
  } catch (err) {
    return { error: toErrorView(err) };
  }
}
