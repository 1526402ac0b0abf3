import fs from 'node:fs';
import { isParticipantId } from '../session/participant';
import { keptFolder, workspacePath } from './links';

/**
 * Delete a participant's files for good: their kept folder, then their workspace (a link: the
 * link alone; a folder: with everything in it). fs.rmSync removes links inside without
 * following them, so nothing outside the data directory is touched. In this order a crash
 * half-way leaves the workspace entry, by which the next attempt finds the participant.
 * A workspace linking to a sandbox's home is the caller's to check first (lib/sandbox/retention.ts).
 */
export function deleteFiles(dataDir: string, participantId: string): void {
  if (!isParticipantId(participantId)) return;
  fs.rmSync(keptFolder(dataDir, participantId), { recursive: true, force: true });
  fs.rmSync(workspacePath(dataDir, participantId), { recursive: true, force: true });
}
