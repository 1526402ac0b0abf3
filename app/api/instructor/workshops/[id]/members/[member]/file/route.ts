import { memberViewDeps } from '@/app/current-instructor';
import { getMemberFile } from '@/lib/room/member-view';

export const dynamic = 'force-dynamic';

/** One of the member's files, read-only (?path=) → { path, content } or { path, binary, size }. There is no PUT: instructors do not write here. */
export const GET = async (req: Request, { params }: { params: Promise<{ id: string; member: string }> }) => {
  const { id, member } = await params;
  return getMemberFile(memberViewDeps(), req, id, member);
};
