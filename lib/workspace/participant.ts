import path from 'node:path';
import { Workspace } from './files';

const PARTICIPANT_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** A participant's files on the host: <data>/workspaces/<participant id>. */
export function participantWorkspace(dataDir: string, participantId: string): Workspace {
  if (!PARTICIPANT_ID.test(participantId)) throw new Error('invalid participant id');
  return new Workspace(path.join(dataDir, 'workspaces', participantId));
}
