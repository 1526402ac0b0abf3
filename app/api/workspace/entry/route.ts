import { z } from 'zod';
import { myWorkspace } from '@/app/api/workspace/workspace';
import { AppError } from '@/lib/errors';
import { makeFolder, renameEntry } from '@/lib/workspace/editor-files';
import { answer, assertSameOrigin } from '@/lib/workspace/http';

export const dynamic = 'force-dynamic';

const schema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('mkdir'), path: z.string() }),
  z.object({ op: z.literal('rename'), from: z.string(), to: z.string() }),
]);

/** { op: "mkdir", path } or { op: "rename", from, to } (never onto an existing entry). */
export const POST = (req: Request) => answer(async () => {
  assertSameOrigin(req);
  const body = schema.safeParse(await req.json().catch(() => null));
  if (!body.success) throw new AppError('invalid', 'Send JSON { op: "mkdir", path } or { op: "rename", from, to }.');
  const ws = await myWorkspace();
  if (body.data.op === 'mkdir') makeFolder(ws, body.data.path);
  else renameEntry(ws, body.data.from, body.data.to);
  return { ok: true };
});
