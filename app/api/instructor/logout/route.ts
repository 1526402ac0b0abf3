import { instructorDeps } from '@/app/current-instructor';
import { logout } from '@/lib/instructor/handlers';

export const dynamic = 'force-dynamic';

/** {} or { everywhere: true } → { ok, ended } and the login cookie removed; the login ends on the server too (lib/instructor/handlers.ts). */
export const POST = (req: Request) => logout(instructorDeps(), req);
