import fs from 'node:fs';
import path from 'node:path';
import { isParticipantId } from '../session/participant';

/**
 * A participant's workspace, <data>/workspaces/<pid>, is one of: a plain folder (before their
 * first sandbox), a link to their sandbox's home, or a link to their kept folder
 * <data>/kept/<pid> (their files while they have no sandbox; see retire.ts). Links are only
 * ever read as text here, never followed.
 */
export const workspacePath = (dataDir: string, pid: string) => path.join(dataDir, 'workspaces', pid);
export const keptFolder = (dataDir: string, pid: string) => path.join(dataDir, 'kept', pid);

export type WorkspaceState = { kind: 'link'; target: string } | { kind: 'folder' } | { kind: 'none' };

export function workspaceState(dataDir: string, pid: string): WorkspaceState {
  const link = workspacePath(dataDir, pid);
  const st = fs.lstatSync(link, { throwIfNoEntry: false });
  if (st?.isSymbolicLink()) return { kind: 'link', target: path.resolve(path.dirname(link), fs.readlinkSync(link)) };
  return st?.isDirectory() ? { kind: 'folder' } : { kind: 'none' };
}

/** Point the workspace at `target` in one rename: it is never missing, never half-made. */
export function pointWorkspace(dataDir: string, pid: string, target: string): void {
  const link = workspacePath(dataDir, pid);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  const tmp = `${link}.${process.pid}.link`;
  fs.rmSync(tmp, { force: true });
  fs.symlinkSync(path.relative(path.dirname(link), target), tmp);
  fs.renameSync(tmp, link);
}

/** The participant whose workspace links to each target (absolute path → participant id). */
export function workspaceOwners(dataDir: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const pid of workspaceIds(dataDir)) {
    const state = workspaceState(dataDir, pid);
    if (state.kind === 'link') owners.set(state.target, pid);
  }
  return owners;
}

/** Participants that have a workspace entry (a folder or a link). */
export function workspaceIds(dataDir: string): string[] {
  const dir = path.join(dataDir, 'workspaces');
  return (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter(isParticipantId);
}

/** When the workspace entry itself (not its contents) last changed, or null when there is none. */
export function workspaceChangedAt(dataDir: string, pid: string): number | null {
  return fs.lstatSync(workspacePath(dataDir, pid), { throwIfNoEntry: false })?.mtimeMs ?? null;
}
