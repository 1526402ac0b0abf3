import { roomDeps } from '@/app/current-instructor';
import { postBroadcast } from '@/lib/room/handlers';

export const dynamic = 'force-dynamic';

/** { message } → { broadcast }: a banner on every member's pages. */
export const POST = async (req: Request, { params }: { params: Promise<{ id: string }> }) => postBroadcast(roomDeps(), req, (await params).id);
