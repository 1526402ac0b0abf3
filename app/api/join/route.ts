import { appContext } from '@/lib/app-context';
import { join } from '@/lib/workshops/join-handler';

export const dynamic = 'force-dynamic';

/** Join a workshop session with its code and a display name → { workshop, href } (lib/workshops/join-handler.ts). */
export const POST = (req: Request) => join(appContext().q, req);
