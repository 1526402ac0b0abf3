import { roomDeps } from '@/app/current-instructor';
import { memberSandbox } from '@/lib/room/handlers';

export const dynamic = 'force-dynamic';

/** The member's sandbox: a fresh stack, their files kept → { member }. */
export const POST = async (req: Request, { params }: { params: Promise<{ id: string; member: string }> }) => {
  const { id, member } = await params;
  return memberSandbox(roomDeps(), req, id, member, 'reset');
};
