import { instructorDeps } from '@/app/current-instructor';
import { login } from '@/lib/instructor/handlers';

export const dynamic = 'force-dynamic';

/** { email, password } → { instructor } and the login cookie (lib/instructor/handlers.ts). */
export const POST = (req: Request) => login(instructorDeps(), req);
