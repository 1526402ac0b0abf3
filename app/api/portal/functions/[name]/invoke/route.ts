import { myPortal } from '@/app/api/portal/portal';
import { answer, assertSameOrigin, readJson } from '@/lib/portal/http';
import { invokeSchema } from '@/lib/portal/invoke';

export const dynamic = 'force-dynamic';

/** Invoke one function: { method, body, contentType, query, headers } → its status, headers, body and duration. */
export const POST = (req: Request, { params }: { params: Promise<{ name: string }> }) => answer(async () => {
  assertSameOrigin(req);
  const input = await readJson(req, invokeSchema);
  return (await myPortal()).invoke((await params).name, input);
});
