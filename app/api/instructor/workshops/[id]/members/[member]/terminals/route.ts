import { memberViewDeps } from '@/app/current-instructor';
import { getMemberTerminals } from '@/lib/room/member-view';

export const dynamic = 'force-dynamic';

/** The member's open terminals and the one they used last → { terminals, latest }. */
export const GET = async (req: Request, { params }: { params: Promise<{ id: string; member: string }> }) => {
  const { id, member } = await params;
  return getMemberTerminals(memberViewDeps(), req, id, member);
};
