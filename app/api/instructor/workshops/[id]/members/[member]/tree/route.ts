import { memberViewDeps } from '@/app/current-instructor';
import { getMemberTree } from '@/lib/room/member-view';

export const dynamic = 'force-dynamic';

/** The member's files, read-only → { root, entries, truncated }. */
export const GET = async (req: Request, { params }: { params: Promise<{ id: string; member: string }> }) => {
  const { id, member } = await params;
  return getMemberTree(memberViewDeps(), req, id, member);
};
