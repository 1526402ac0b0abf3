import { appContext } from '@/lib/app-context';
import { getNotice } from '@/lib/room/notice';

export const dynamic = 'force-dynamic';

/** The banner for the participant's pages: their session's latest broadcast, or that it ended → { notice }. */
export const GET = (req: Request) => getNotice(appContext().q, req);
