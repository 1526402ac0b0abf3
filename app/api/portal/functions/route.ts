import { myPortal } from '@/app/api/portal/portal';
import { answer, assertSameOrigin, readJson } from '@/lib/portal/http';
import { storeDeploySchema } from '@/lib/portal/store';

export const dynamic = 'force-dynamic';

/** The participant's functions (GET /system/functions on their gateway) → { functions, maxReplicas }. */
export const GET = () => answer(async () => (await myPortal()).functions());

/** Deploy from the store: { store, name? } → { name }, as faas-cli store deploy. */
export const POST = (req: Request) => answer(async () => {
  assertSameOrigin(req);
  const body = await readJson(req, storeDeploySchema);
  return (await myPortal()).deploy(body);
});
