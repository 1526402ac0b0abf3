import type { AppContext } from '../app-context';
import { log } from '../log';
import { deleteFiles } from '../workspace/forget';
import { homeSandboxId, removeHome } from '../workspace/home';
import { workspaceChangedAt, workspaceIds, workspaceState } from '../workspace/links';
import { serialised } from './locks';

const DAY = 24 * 3600_000;

/** Who was last seen before this moment is gone for good; null: files are kept forever (0 days). */
export function retentionCutoff(days: number, now: number): number | null {
  return days > 0 ? now - days * DAY : null;
}

/**
 * Forget every participant who has no sandbox and was not seen for
 * FAASLAB_WORKSPACE_RETENTION_DAYS: their files, then their row. Seen is the row's
 * last_seen_at (each time a sandbox is made or found for them); a workspace without a row
 * (lessons opened, nothing ever run) counts from when the workspace entry itself last changed.
 * Each is checked again under the participant's lock, so one coming back is never forgotten.
 */
export async function forgetUnseenParticipants(ctx: AppContext, now = Date.now()): Promise<string[]> {
  const cutoff = retentionCutoff(ctx.cfg.FAASLAB_WORKSPACE_RETENTION_DAYS, now);
  if (cutoff === null) return [];
  const dataDir = ctx.cfg.dataDir;
  const unseen = (pid: string) => {
    if (ctx.q.sandboxOf(pid)) return false;
    const row = ctx.q.participant(pid);
    return (row ? row.last_seen_at : workspaceChangedAt(dataDir, pid) ?? Infinity) < cutoff;
  };
  const due = new Set([...ctx.q.participantsUnseenSince(cutoff).map((p) => p.id), ...workspaceIds(dataDir).filter(unseen)]);
  const forgotten: string[] = [];
  for (const pid of due) {
    await serialised(`sandbox:${pid}`, async () => {
      if (!unseen(pid)) return;
      // A link to the home of a sandbox nobody has any more (a reaper from before homes were retired).
      const state = workspaceState(dataDir, pid);
      const sid = state.kind === 'link' ? homeSandboxId(dataDir, state.target) : null;
      if (sid && !ctx.q.sandbox(sid)) removeHome(dataDir, sid);
      deleteFiles(dataDir, pid);
      ctx.q.deleteParticipant(pid);
      forgotten.push(pid);
    }).catch((err: Error) => log.warn({ participant: pid.slice(0, 6), err: err.message }, 'could not delete the files of an unseen participant'));
  }
  if (forgotten.length) log.info({ forgotten: forgotten.length, days: ctx.cfg.FAASLAB_WORKSPACE_RETENTION_DAYS }, 'deleted the files of participants unseen for the retention period');
  return forgotten;
}
