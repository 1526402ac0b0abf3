import type { Queries } from '../db/queries';
import type { LabInfo } from '../labs/schema';
import type { LoginLimiter } from './rate-limit';

/**
 * What the instructor and join handlers need, passed in (the routes build it from appContext(),
 * the integration test from a database of its own).
 */
export type InstructorDeps = {
  q: Queries;
  /** Seals the instructor login cookie (lib/instructor/secret.ts). */
  secret: string;
  limiter: LoginLimiter;
  catalogue: () => LabInfo[];
  now?: () => number;
};
