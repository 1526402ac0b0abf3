import type { z } from 'zod';
import { AppError, isAppError } from '../errors';
import { fromSameOrigin, readJsonBody } from '../http/json-body';
import { log } from '../log';
import { MAX_INVOKE_BODY } from './limits';

/**
 * The HTTP side of the portal's routes (app/api/portal/*): JSON answers, errors as
 * `{ error: { code, message, hint? } }` with the status errors.ts gives the code.
 */
export async function answer(run: () => unknown): Promise<Response> {
  try {
    return Response.json(await run());
  } catch (err) {
    if (!isAppError(err)) {
      log.error({ err }, 'portal API failed');
      return Response.json({ error: { code: 'internal', message: 'The portal could not do that; nothing was changed. Try again.' } }, { status: 500 });
    }
    return Response.json({ error: { code: err.code, message: err.message, hint: err.hint } }, { status: err.status });
  }
}

/** Refuse a change asked for by another site's page (its request would carry the participant's cookie). */
export function assertSameOrigin(req: Request): void {
  if (!fromSameOrigin(req)) throw new AppError('forbidden', 'The portal only takes changes from this site\'s own pages.', { hint: 'Use the Portal tab of the workshop page.' });
}

/** An invoke's JSON carries a body of up to 1 MiB, escaped at most ~6 times over, plus headers. */
const MAX_JSON_BYTES = 6 * MAX_INVOKE_BODY + 128 * 1024;

/** The request's JSON body checked by `schema`; 413 past the size limit, 400 saying what is wrong otherwise. */
export function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  return readJsonBody(req, schema, MAX_JSON_BYTES, () => new AppError('too_large', `The request is larger than the portal takes (a body of at most ${MAX_INVOKE_BODY / 1024 / 1024} MiB).`, { hint: 'Send large bodies with curl or faas-cli invoke in the terminal.' }));
}
