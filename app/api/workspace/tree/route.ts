import { myWorkspace } from '@/app/api/workspace/workspace';
import { listTree } from '@/lib/workspace/editor-files';
import { answer } from '@/lib/workspace/http';

export const dynamic = 'force-dynamic';

/** Every entry of the participant's workspace: { entries: [{ path, type, size }], truncated }. */
export const GET = () => answer(async () => listTree(await myWorkspace()));
