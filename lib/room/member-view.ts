import { AppError, isAppError } from '../errors';
import { answerInstructor } from '../instructor/http';
import type { InstructorDeps } from '../instructor/deps';
import { openFile } from '../workspace/file-api';
import { MAX_FILE_BYTES, type Workspace } from '../workspace/files';
import { listTree } from '../workspace/tree';
import { mine } from './handlers';
import { requireMember } from './load';
import type { MemberTerminals } from './member-terminals';

/**
 * What the instructor may look at of one member, read-only: their files (the workspace the
 * editor and shell share, read through the workspace library's path checks: no `..`, no
 * absolute path, never through a link, a size cap) and the list of their open terminals. There
 * is no write route: an instructor who must change something takes over the terminal, which
 * the participant is told about.
 */
export type MemberViewDeps = Pick<InstructorDeps, 'q' | 'secret'> & {
  /** The participant's workspace (lib/workspace/participant.ts in the app). */
  workspaceOf: (participantId: string) => Workspace;
  /** Their terminals, from the tmux sessions in their shell (member-terminals.ts). */
  terminalsOf: (participantId: string) => Promise<MemberTerminals>;
};

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The member behind `key` of the logged-in instructor's own session `id` (401 without the cookie; 404 for another's session or a key not of it). */
async function memberOf(deps: MemberViewDeps, req: Request, id: string, key: string): Promise<string> {
  return requireMember(deps, await mine(deps, req, id), key);
}

/** GET …/members/<key>/tree → { root, entries, truncated }: the member's files as their editor lists them. */
export function getMemberTree(deps: MemberViewDeps, req: Request, id: string, key: string): Promise<Response> {
  return answerInstructor(async () => Response.json(listTree(deps.workspaceOf(await memberOf(deps, req, id, key))), { headers: NO_STORE }));
}

/**
 * GET …/members/<key>/file?path=<relative path> → { path, content } of a text file, or
 * { path, binary: true, size } for one that is not text; 400 for a path that is absolute, has
 * `..` or goes through a link, 404 when there is no such file, 413 past the editor's size cap.
 */
export function getMemberFile(deps: MemberViewDeps, req: Request, id: string, key: string): Promise<Response> {
  return answerInstructor(async () => {
    const pid = await memberOf(deps, req, id, key);
    const rel = new URL(req.url).searchParams.get('path');
    if (!rel) throw new AppError('invalid', 'Say which file: ?path=<path in their workspace>.', { hint: 'Pick a file in the tree.' });
    try {
      return Response.json(openFile(deps.workspaceOf(pid), rel), { headers: NO_STORE });
    } catch (err) {
      // the workspace's own message tells the participant to open it in their terminal
      if (isAppError(err) && err.code === 'too_large') throw new AppError('too_large', `${rel} is larger than this view shows (${MAX_FILE_BYTES / 1024} KB).`, { hint: `Watch their terminal and ask them to run: less ${rel}` });
      throw err;
    }
  });
}

/** GET …/members/<key>/terminals → { terminals: [{ name, lastActiveAt, clients }], latest }; 409 without a running sandbox. */
export function getMemberTerminals(deps: MemberViewDeps, req: Request, id: string, key: string): Promise<Response> {
  return answerInstructor(async () => Response.json(await deps.terminalsOf(await memberOf(deps, req, id, key)), { headers: NO_STORE }));
}
