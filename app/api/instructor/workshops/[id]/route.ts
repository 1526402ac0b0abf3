import { instructorDeps } from '@/app/current-instructor';
import { getWorkshop } from '@/lib/workshops/handlers';

export const dynamic = 'force-dynamic';

/** One of the instructor's own sessions and who joined it → { workshop, members }. */
export const GET = async (req: Request, { params }: { params: Promise<{ id: string }> }) => getWorkshop(instructorDeps(), req, (await params).id);
