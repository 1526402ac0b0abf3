import type { z } from 'zod';
import { AppError, isAppError } from '../errors';
import { fromSameOrigin, readJsonBody } from '../http/json-body';
import { log } from '../log';
import { MAX_FILE_BYTES } from './files';

/**
 * The HTTP side of the workspace file API, shared by its route handlers: JSON answers with
 * `{ error: { code, message, hint? } }` and the status errors.ts gives the code (a 409 of a
 * save also carries `current`, what is on disk), bodies read with a size limit and checked by
 * a zod schema, and changes refused when another site's page asks for them.
 */
export async function answer(run: () => unknown): Promise<Response> {
  try {
    return Response.json(await run());
  } catch (err) {
    if (!isAppError(err)) {
      log.error({ err }, 'workspace file API failed');
      return Response.json({ error: { code: 'internal', message: 'Something went wrong with your files; nothing was lost. Try again.' } }, { status: 500 });
    }
    const body: Record<string, unknown> = { error: { code: err.code, message: err.message, hint: err.hint } };
    if (err.code === 'conflict' && err.detail && 'current' in err.detail) body.current = err.detail.current;
    return Response.json(body, { status: err.status });
  }
}

/** Refuse a change asked for by another site's page (its request would carry the participant's cookie). */
export function assertSameOrigin(req: Request): void {
  if (!fromSameOrigin(req)) throw new AppError('forbidden', 'Changes to your files are only accepted from this site\'s own pages.', { hint: 'Use the editor in the workshop page.' });
}

/** A save's JSON is its text escaped at most ~6 times over (\u0000 forms), plus the other fields. */
const MAX_BODY_BYTES = 6 * MAX_FILE_BYTES + 4096;

/** The request's JSON body checked by `schema`; 413 past the size limit, 400 with what is wrong otherwise. */
export function readBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  return readJsonBody(req, schema, MAX_BODY_BYTES, bodyTooLarge);
}

const bodyTooLarge = () => new AppError('too_large', `The request is larger than a file the editor saves (${MAX_FILE_BYTES} bytes) could make it.`, { hint: 'Keep files small; make large ones in the terminal.' });
