import { myWorkspace } from '@/app/api/workspace/workspace';
import { answer } from '@/lib/workspace/http';
import { listTree } from '@/lib/workspace/tree';

export const dynamic = 'force-dynamic';

/** Every entry of the participant's workspace: { root: "~", entries: [{ path, type, size, unsafe? }], truncated }. */
export const GET = () => answer(async () => listTree(await myWorkspace()));
