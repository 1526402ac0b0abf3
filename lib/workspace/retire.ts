import fs from 'node:fs';
import path from 'node:path';
import { isParticipantId } from '../session/participant';
import { copyNewer } from './copy-tree';
import { remountHome, removeHome, sandboxHome } from './home';
import { keptFolder, pointWorkspace, workspacePath, workspaceState } from './links';

/**
 * Retire the home of a sandbox that is gone (its shell with it): the participant's files go to
 * their kept folder, a plain folder on the host's disk, their workspace is pointed there (the
 * editor works on without a sandbox; attachWorkspace brings the files into the next one), and
 * the home is unmounted and deleted with its image and loop device. `participantId` is the
 * sandbox's owner; a pool placeholder or null has no files: the home just goes.
 *
 * Ordered so that at every moment all the files are where the next attempt looks (a crash
 * half-way is finished at start-up by lib/sandbox/reconcile.ts):
 *   1. copyHome: while the workspace still links to the home, copy the home into a fresh kept
 *      folder (a crashed attempt's partial copy is thrown away: the home is still the real one);
 *   2. point the workspace at the kept folder in one rename: the editor always sees every file;
 *   3. catchUp: copy what was saved into the home after its copy (newer wins);
 *   4. unmount and delete the home.
 * A workspace that is a plain folder (attachWorkspace cut short while moving files into the
 * home) catches up the same way. One linked elsewhere already has everything: attachWorkspace
 * moves the files before it relinks. All of it is synchronous, like the editor's saves
 * (Workspace.write), so no save of this process falls between two steps.
 */
export function retireHome(dataDir: string, sid: string, participantId: string | null): void {
  remountHome(dataDir, sid); // after a reboot the files are only in the image
  if (participantId && isParticipantId(participantId)) {
    const state = workspaceState(dataDir, participantId);
    const linkedHere = state.kind === 'link' && state.target === sandboxHome(dataDir, sid);
    if (linkedHere || state.kind === 'none') {
      // No workspace at all (attachWorkspace cut short between its two steps): a kept folder
      // may be all there is of some files, so it is added to, not replaced.
      copyHome(dataDir, sid, participantId, { fresh: linkedHere });
      pointWorkspace(dataDir, participantId, keptFolder(dataDir, participantId));
    }
    catchUp(dataDir, sid, participantId);
  }
  removeHome(dataDir, sid);
}

/** Step 1: a complete copy of the home in the participant's kept folder (by default a fresh one). */
export function copyHome(dataDir: string, sid: string, participantId: string, { fresh = true } = {}): void {
  const kept = keptFolder(dataDir, participantId);
  fs.mkdirSync(path.dirname(kept), { recursive: true, mode: 0o700 }); // root's alone, like the homes' contents
  if (fresh) fs.rmSync(kept, { recursive: true, force: true });
  fs.mkdirSync(kept, { recursive: true });
  copyNewer(sandboxHome(dataDir, sid), kept);
}

/** Step 3: whatever the home has that is newer than the workspace's copy goes to the workspace. */
export function catchUp(dataDir: string, sid: string, participantId: string): void {
  const state = workspaceState(dataDir, participantId);
  const kept = keptFolder(dataDir, participantId);
  if (state.kind === 'folder') copyNewer(sandboxHome(dataDir, sid), workspacePath(dataDir, participantId));
  else if (state.kind === 'link' && state.target === kept) copyNewer(sandboxHome(dataDir, sid), kept);
}
