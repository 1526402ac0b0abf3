import type { InstructorDeps } from '../instructor/deps';
import type { StepInfo } from '../labs/schema';
import type { RosterCheck } from './roster';
import type { LifetimeConfig } from '../sandbox/lifetime';

/** What the room's handlers do to one member's sandbox (lib/sandbox/lifecycle.ts in the app; passed in, as the tests pass their own context). */
export type MemberSandboxes = {
  /** A fresh stack, files kept (the participant's own Reset). */
  reset: (participantId: string) => Promise<void>;
  /** One more extension (the participant's own Extend); not_found without a sandbox. */
  extend: (participantId: string) => void;
  /** Remove it as the reaper does: files and progress stay. True when there was one. */
  remove: (participantId: string) => Promise<boolean>;
};

/** The instructor handlers' collaborators, and what running a room needs besides. */
export type RoomDeps = InstructorDeps & {
  lifetime: LifetimeConfig;
  /** This platform instance (FAASLAB_PREFIX): whose sandboxes made ahead the room counts. */
  instance: string;
  sandboxes: MemberSandboxes;
  /** A step's checks with their titles (its checks.yaml by default). */
  checksOf?: (step: StepInfo) => Promise<RosterCheck[]>;
};
