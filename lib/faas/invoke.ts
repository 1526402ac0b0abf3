import { AppError } from '../errors';
import { fetchWithTimeout } from '../http/fetch-timeout';

export type Invocation = { status: number; body: string; contentType: string; durationSeconds: number | null; callId: string | null };

/** Invoke a function through its sandbox's gateway, exactly as `faas-cli invoke` does. */
export async function invokeFunction(gatewayUrl: string, fn: string, body: string, opts: { method?: string; contentType?: string; timeoutMs?: number } = {}): Promise<Invocation> {
  const method = opts.method ?? 'POST';
  let res: Response;
  try {
    res = await fetchWithTimeout(`${gatewayUrl}/function/${encodeURIComponent(fn)}`, {
      method,
      body: method === 'GET' || method === 'HEAD' ? undefined : body,
      headers: { 'Content-Type': opts.contentType ?? 'text/plain' },
    }, opts.timeoutMs ?? 60_000);
  } catch (err) {
    throw new AppError('invoke_failed', `Could not reach your gateway to invoke "${fn}": ${(err as Error).message}`, { cause: err });
  }
  const duration = res.headers.get('x-duration-seconds');
  return {
    status: res.status,
    body: await res.text(),
    contentType: res.headers.get('content-type') ?? '',
    durationSeconds: duration ? Number(duration) : null,
    callId: res.headers.get('x-call-id'),
  };
}
