import { myWorkspace } from '@/app/api/workspace/workspace';
import { AppError } from '@/lib/errors';
import { saveSchema } from '@/lib/workspace/api-schemas';
import { deleteEntry } from '@/lib/workspace/entries';
import { openFile, saveFile } from '@/lib/workspace/file-api';
import { answer, assertSameOrigin, readBody } from '@/lib/workspace/http';

export const dynamic = 'force-dynamic';

const pathOf = (req: Request) => {
  const p = new URL(req.url).searchParams.get('path');
  if (!p) throw new AppError('invalid', 'Say which file: ?path=<path in your workspace>.');
  return p;
};

/** { path, content, version } of a text file, or { path, binary: true, size, version }. */
export const GET = (req: Request) => answer(async () => openFile(await myWorkspace(), pathOf(req)));

/** Save { path, content, baseVersion, force? } → { path, version }; 409 with `current` when the file changed on disk. */
export const PUT = (req: Request) => answer(async () => {
  assertSameOrigin(req);
  return saveFile(await myWorkspace(), await readBody(req, saveSchema));
});

/** Delete a file, a link (the link alone) or a folder with all it holds → { ok: true }. */
export const DELETE = (req: Request) => answer(async () => {
  assertSameOrigin(req);
  await deleteEntry(await myWorkspace(), pathOf(req));
  return { ok: true };
});
