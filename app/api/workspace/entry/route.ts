import { myWorkspace } from '@/app/api/workspace/workspace';
import { entrySchema } from '@/lib/workspace/api-schemas';
import { makeFolder, renameEntry } from '@/lib/workspace/entries';
import { answer, assertSameOrigin, readBody } from '@/lib/workspace/http';

export const dynamic = 'force-dynamic';

/** { op: "mkdir", path } or { op: "rename", from, to } (never onto an existing entry) → { ok: true }. */
export const POST = (req: Request) => answer(async () => {
  assertSameOrigin(req);
  const body = await readBody(req, entrySchema);
  const ws = await myWorkspace();
  if (body.op === 'mkdir') makeFolder(ws, body.path);
  else renameEntry(ws, body.from, body.to);
  return { ok: true };
});
