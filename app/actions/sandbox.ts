'use server';

import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { toErrorView, type ErrorView } from '@/lib/errors';
import { labs } from '@/lib/labs';
import { progressOf } from '@/lib/progress/load';
import type { RedoItem } from '@/lib/progress/summary';
import { extendSandbox, resetSandbox, sandboxStatus, type SandboxStatus } from '@/lib/sandbox/lifecycle';

/** After a reset, `redo`: the checks that passed in the old sandbox, for the bar to list. */
export type StatusAnswer = { status: SandboxStatus; redo?: RedoItem[] } | { error: ErrorView };

/** How long the participant's sandbox has left (no sandbox is made for asking). */
export async function mySandboxStatus(): Promise<StatusAnswer> {
  try {
    return { status: sandboxStatus(appContext(), await currentParticipant()) };
  } catch (err) {
    return { error: toErrorView(err) };
  }
}

export async function extendMySandbox(): Promise<StatusAnswer> {
  try {
    return { status: extendSandbox(appContext(), await currentParticipant()) };
  } catch (err) {
    return { error: toErrorView(err) };
  }
}

/**
 * Replace the participant's stack with a fresh one, keeping their files or not. Their progress
 * stays; the answer says which checks passed in the old sandbox and need running again.
 */
export async function resetMySandbox(keepFiles: boolean): Promise<StatusAnswer> {
  try {
    const ctx = appContext();
    const pid = await currentParticipant();
    await resetSandbox(ctx, pid, { keepFiles: keepFiles !== false });
    return { status: sandboxStatus(ctx, pid), redo: (await progressOf(ctx.q, labs(), pid)).redo };
  } catch (err) {
    return { error: toErrorView(err) };
  }
}
