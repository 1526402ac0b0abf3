import { myPortal } from '@/app/api/portal/portal';
import { scaleSchema } from '@/lib/portal/functions';
import { answer, assertSameOrigin, readJson } from '@/lib/portal/http';

export const dynamic = 'force-dynamic';

/** Scale one function: { replicas } → { ok: true } (POST /system/scale-function/<name>). */
export const POST = (req: Request, { params }: { params: Promise<{ name: string }> }) => answer(async () => {
  assertSameOrigin(req);
  const { replicas } = await readJson(req, scaleSchema);
  await (await myPortal()).scale((await params).name, replicas);
  return { ok: true };
});
