import { AppError, isAppError } from '../errors';
import { log } from '../log';
import { fromSameOrigin } from './json-body';

/**
 * A route handler's JSON answer: what `run` returns (a Response as it is, anything else as
 * JSON), or `{ error: { code, message, hint? } }` with the status errors.ts gives the code. An
 * error with `detail.retryAfterSeconds` also sends Retry-After. `failed` is what a user reads
 * when something unexpected broke (the error itself goes to the log).
 */
export async function answerJson(run: () => unknown, failed: string, what: string): Promise<Response> {
  try {
    const value = await run();
    return value instanceof Response ? value : Response.json(value);
  } catch (err) {
    if (!isAppError(err)) {
      log.error({ err }, `${what} failed`);
      return Response.json({ error: { code: 'internal', message: failed } }, { status: 500 });
    }
    const retry = err.detail?.retryAfterSeconds;
    const headers: Record<string, string> = typeof retry === 'number' ? { 'Retry-After': String(retry) } : {};
    return Response.json({ error: { code: err.code, message: err.message, hint: err.hint } }, { status: err.status, headers });
  }
}

/** Refuse a change asked for by another site's page: its request carries this site's cookies (CSRF). */
export function assertFromThisSite(req: Request, where: string): void {
  if (!fromSameOrigin(req)) throw new AppError('forbidden', `${where} only takes changes from this site's own pages.`, { hint: 'Open this site itself and use its forms.' });
}
