import path from 'node:path';
import { isParticipantId } from '../session/participant';
import { Workspace } from './files';


/** A participant's files on the host: <data>/workspaces/<participant id>. */
export function participantWorkspace(dataDir: string, participantId: string): Workspace {
  if (!isParticipantId(participantId)) throw new Error('invalid participant id');
  return new Workspace(path.join(dataDir, 'workspaces', participantId));
}
