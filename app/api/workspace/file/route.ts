import { z } from 'zod';
import { myWorkspace } from '@/app/api/workspace/workspace';
import { AppError } from '@/lib/errors';
import { deleteEntry, readForEditor, saveFromEditor } from '@/lib/workspace/editor-files';
import { answer, assertSameOrigin } from '@/lib/workspace/http';

export const dynamic = 'force-dynamic';

const pathOf = (req: Request) => {
  const p = new URL(req.url).searchParams.get('path');
  if (!p) throw new AppError('invalid', 'Say which file: ?path=<path in your workspace>.');
  return p;
};
const saveSchema = z.object({ path: z.string(), content: z.unknown(), baseVersion: z.string().nullable(), force: z.boolean().optional() });

/** Read a file: { path, content, version }, or { path, binary: true, size, version } for one the editor cannot show. */
export const GET = (req: Request) => answer(async () => readForEditor(await myWorkspace(), pathOf(req)));

/** Save { path, content, baseVersion, force? } → { path, version }; 409 with `current` when the file changed on disk. */
export const PUT = (req: Request) => answer(async () => {
  assertSameOrigin(req);
  const body = saveSchema.safeParse(await req.json().catch(() => null));
  if (!body.success) throw new AppError('invalid', 'Send JSON { path, content, baseVersion } (baseVersion: the version you opened, or null for a new file).');
  const { path, content, baseVersion, force } = body.data;
  return { path, ...saveFromEditor(await myWorkspace(), path, content, baseVersion, force) };
});

/** Delete a file, a link, or a folder with all it holds. */
export const DELETE = (req: Request) => answer(async () => {
  assertSameOrigin(req);
  deleteEntry(await myWorkspace(), pathOf(req));
  return { ok: true };
});
