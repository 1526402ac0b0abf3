import { roomDeps } from '@/app/current-instructor';
import { getRoster } from '@/lib/room/handlers';

export const dynamic = 'force-dynamic';

/** Every member's progress, sandbox and whether they look stuck → { workshop, state, now, labs, members } (polled by the room page). */
export const GET = async (req: Request, { params }: { params: Promise<{ id: string }> }) => getRoster(roomDeps(), req, (await params).id);
