import type { AppContext } from '../app-context';
import { extendSandbox, removeParticipantSandbox, resetSandbox } from '../sandbox/lifecycle';
import type { MemberSandboxes } from './deps';

/** The room's sandbox actions on a context: the participant's own Reset (files kept) and Extend, and the reaper's removal. */
export const memberSandboxes = (ctx: AppContext): MemberSandboxes => ({
  reset: async (pid) => { await resetSandbox(ctx, pid, { keepFiles: true }); },
  extend: (pid) => { extendSandbox(ctx, pid); },
  remove: (pid) => removeParticipantSandbox(ctx, pid),
});
