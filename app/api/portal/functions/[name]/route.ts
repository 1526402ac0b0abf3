import { myPortal } from '@/app/api/portal/portal';
import { answer, assertSameOrigin } from '@/lib/portal/http';

export const dynamic = 'force-dynamic';

/** Delete one function (DELETE /system/functions on the participant's gateway) → { ok: true }. */
export const DELETE = (req: Request, { params }: { params: Promise<{ name: string }> }) => answer(async () => {
  assertSameOrigin(req);
  await (await myPortal()).remove((await params).name);
  return { ok: true };
});
