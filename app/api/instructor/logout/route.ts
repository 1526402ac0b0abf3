import { logout } from '@/lib/instructor/handlers';

export const dynamic = 'force-dynamic';

/** → { ok } and the login cookie removed. */
export const POST = (req: Request) => logout(req);
