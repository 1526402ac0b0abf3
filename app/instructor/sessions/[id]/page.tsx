import { notFound, redirect } from 'next/navigation';
import { currentInstructor, roomDeps } from '@/app/current-instructor';
import { RoomDashboard } from '@/components/instructor/room/RoomDashboard';
import { isAppError } from '@/lib/errors';
import { loadRoster } from '@/lib/room/load';
import { ownWorkshop } from '@/lib/workshops/workshops';

export const dynamic = 'force-dynamic';

/** One session's room: who is where, who is stuck, and what the instructor can do for them (own sessions only: another's is a 404). */
export default async function SessionRoom({ params }: { params: Promise<{ id: string }> }) {
  const me = await currentInstructor();
  if (!me) redirect('/instructor/login');
  const { id } = await params;
  const deps = roomDeps();
  let workshop;
  try {
    workshop = ownWorkshop(deps.q, me.id, id);
  } catch (err) {
    if (isAppError(err) && err.code === 'not_found') notFound();
    throw err;
  }
  return <RoomDashboard initial={await loadRoster(deps, workshop, Date.now())} />;
}
