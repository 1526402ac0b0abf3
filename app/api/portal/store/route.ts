import { myPortal } from '@/app/api/portal/portal';
import { answer } from '@/lib/portal/http';

export const dynamic = 'force-dynamic';

/** The offline function store's catalog → { items }. */
export const GET = () => answer(async () => ({ items: (await myPortal()).store() }));
