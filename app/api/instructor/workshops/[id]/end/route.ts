import { roomDeps } from '@/app/current-instructor';
import { endSession } from '@/lib/room/handlers';

export const dynamic = 'force-dynamic';

/** End the session now: nobody can join, members' sandboxes are removed (files and progress kept) → { workshop, sandboxesRemoved }. */
export const POST = async (req: Request, { params }: { params: Promise<{ id: string }> }) => endSession(roomDeps(), req, (await params).id);
