import { AppError, toErrorView } from '../errors';

/** A JSON answer for the file API: the result, or `{ error }` with its status (409s also carry what is on disk). */
export async function answer(run: () => unknown | Promise<unknown>): Promise<Response> {
  try {
    return Response.json(await run());
  } catch (err) {
    const view = toErrorView(err);
    const status = err instanceof AppError ? (err.detail?.tooLarge ? 413 : err.status) : 500;
    const body: Record<string, unknown> = { error: { code: view.code, message: view.message, hint: view.hint } };
    if (view.code === 'conflict' && view.detail && 'current' in view.detail) body.current = view.detail.current;
    return Response.json(body, { status });
  }
}

/** Refuse a change asked for by another site's page (the cookie would come with it). */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  if (origin === null) return;
  const host = (req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? '').split(',')[0].trim();
  let ok = false;
  try { ok = new URL(origin).host === host; } catch { /* not a URL */ }
  if (!ok) throw new AppError('unauthorized', 'Changes to your files are only accepted from this site\'s own pages.');
}
