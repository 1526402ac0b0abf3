import type { z } from 'zod';
import { AppError } from '../errors';
import { isSameOrigin } from '../session/request';

/**
 * A Request's JSON body checked by `schema`, read no further than `maxBytes` (then `tooLarge()`
 * is thrown, before the rest arrives); 400 saying what is wrong when it is not JSON or not valid.
 */
export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, maxBytes: number, tooLarge: () => AppError): Promise<z.infer<S>> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
    size += r.value.length;
    if (size > maxBytes) { await reader!.cancel(); throw tooLarge(); }
    chunks.push(r.value);
  }
  let json: unknown;
  try { json = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { throw new AppError('invalid', 'The request body is not JSON.'); }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError('invalid', parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
  return parsed.data;
}

/** Whether a Fetch API request comes from this site's own pages (isSameOrigin, for route handlers). */
export function fromSameOrigin(req: Request): boolean {
  const h = (name: string) => req.headers.get(name) ?? undefined;
  return isSameOrigin({ headers: { origin: h('origin'), host: h('host'), 'x-forwarded-host': h('x-forwarded-host') } });
}
