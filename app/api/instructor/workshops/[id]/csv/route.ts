import { roomDeps } from '@/app/current-instructor';
import { getProgressCsv } from '@/lib/room/handlers';

export const dynamic = 'force-dynamic';

/** The session's progress as a CSV download, one row per participant. */
export const GET = async (req: Request, { params }: { params: Promise<{ id: string }> }) => getProgressCsv(roomDeps(), req, (await params).id);
