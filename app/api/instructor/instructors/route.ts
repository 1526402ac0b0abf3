import { instructorDeps } from '@/app/current-instructor';
import { addInstructor } from '@/lib/instructor/handlers';

export const dynamic = 'force-dynamic';

/** A logged-in instructor adds another: { email, name, password } → { instructor }. */
export const POST = (req: Request) => addInstructor(instructorDeps(), req);
