import { roomDeps } from '@/app/current-instructor';
import { clearBroadcast, postBroadcast } from '@/lib/room/handlers';

export const dynamic = 'force-dynamic';

/** { message } → { broadcast }: a banner on every member's pages. */
export const POST = async (req: Request, { params }: { params: Promise<{ id: string }> }) => postBroadcast(roomDeps(), req, (await params).id);

/** → { cleared }: the current message comes down. */
export const DELETE = async (req: Request, { params }: { params: Promise<{ id: string }> }) => clearBroadcast(roomDeps(), req, (await params).id);
