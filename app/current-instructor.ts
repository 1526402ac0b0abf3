import { cookies } from 'next/headers';
import { appContext } from '@/lib/app-context';
import type { Instructor } from '@/lib/instructor/accounts';
import type { InstructorDeps } from '@/lib/instructor/deps';
import { LoginLimiter } from '@/lib/instructor/rate-limit';
import { instructorOfCookie } from '@/lib/instructor/request';
import { sessionSecret } from '@/lib/instructor/secret';
import { INSTRUCTOR_COOKIE } from '@/lib/instructor/session-cookie';
import { labs } from '@/lib/labs';
import type { RoomDeps } from '@/lib/room/deps';
import { memberTerminals } from '@/lib/room/member-terminals';
import type { MemberViewDeps } from '@/lib/room/member-view';
import { memberSandboxes } from '@/lib/room/sandboxes';
import { participantWorkspace } from '@/lib/workspace/participant';

const key = Symbol.for('faaslab.instructorDeps');
type Holder = { [key]?: Omit<InstructorDeps, 'q' | 'limiter'> };

/**
 * The instructor handlers' collaborators: the cookie secret read once per process (on
 * globalThis, like appContext); the login limiter over this process's database, where the
 * failures are kept (so it holds no state of its own).
 */
export function instructorDeps(): InstructorDeps {
  const g = globalThis as Holder;
  const ctx = appContext();
  g[key] ??= { secret: sessionSecret(ctx.cfg.dataDir, ctx.cfg), catalogue: () => labs() };
  return { ...g[key], q: ctx.q, limiter: new LoginLimiter(ctx.q) };
}

/** The logged-in instructor of the page being drawn, or null. */
export async function currentInstructor(): Promise<Instructor | null> {
  return instructorOfCookie(instructorDeps(), (await cookies()).get(INSTRUCTOR_COOKIE)?.value);
}

/** What the room's handlers need besides (lib/room/deps.ts): the site's sandbox lifetimes and the lifecycle functions, on this process's context. */
export function roomDeps(): RoomDeps {
  const ctx = appContext();
  return {
    ...instructorDeps(),
    lifetime: ctx.cfg,
    instance: ctx.cfg.FAASLAB_PREFIX,
    sandboxes: memberSandboxes(ctx),
  };
}

/** What the read-only views of one member need (lib/room/member-view.ts): their workspace on this host, their terminals in their shell. */
export function memberViewDeps(): MemberViewDeps {
  const ctx = appContext();
  return { ...instructorDeps(), workspaceOf: (pid) => participantWorkspace(ctx.cfg.dataDir, pid), terminalsOf: memberTerminals(ctx) };
}
