import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import type { Workspace } from '@/lib/workspace/files';
import { participantWorkspace } from '@/lib/workspace/participant';

/** The workspace of the participant named by the request's cookie (never one named by the request). */
export async function myWorkspace(): Promise<Workspace> {
  return participantWorkspace(appContext().cfg.dataDir, await currentParticipant());
}
