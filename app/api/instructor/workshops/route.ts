import { instructorDeps } from '@/app/current-instructor';
import { listWorkshops, postWorkshop } from '@/lib/workshops/handlers';

export const dynamic = 'force-dynamic';

/** The logged-in instructor's own sessions → { workshops }. */
export const GET = (req: Request) => listWorkshops(instructorDeps(), req);

/** A new session → 201 { workshop } with its join code (lib/workshops/schema.ts says what is checked). */
export const POST = (req: Request) => postWorkshop(instructorDeps(), req);
