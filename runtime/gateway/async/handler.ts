import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readBodyOr413 } from '../body';
import { FUNCTION_NAME_RULE, isValidFunctionName } from '../names';
import { sendText } from '../proxy';
import type { AsyncQueue } from './queue';
import { checkCallbackUrl, replayableHeaders } from './request';

export type AsyncDeps = {
  queue: AsyncQueue;
  maxBodyBytes: number;
  /** Whether the function is deployed (asked of the provider); queueing for nothing helps nobody. */
  exists: (name: string) => Promise<boolean | null>;
};

/**
 * POST /async-function/<name>[/path]: accept the request, queue it in NATS and answer 202 with
 * its X-Call-Id at once, as OpenFaaS does; the worker invokes it later and posts the result to
 * X-Callback-Url. Unlike OpenFaaS, an unknown function is refused with 404 here instead of
 * being queued and failing unseen.
 */
export async function handleAsync(req: IncomingMessage, res: ServerResponse, target: { name: string; rest: string }, deps: AsyncDeps): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendText(res, 405, `Use POST for /async-function/${target.name} (got ${req.method}).\n`);
  }
  if (!isValidFunctionName(target.name)) return sendText(res, 400, `Invalid function name "${target.name}": use ${FUNCTION_NAME_RULE}.\n`);
  const callback = checkCallbackUrl(req.headers['x-callback-url']);
  if (callback && !callback.ok) return sendText(res, 400, `${callback.reason}\n`);
  const body = await readBodyOr413(req, res, deps.maxBodyBytes);
  if (!body) return;
  if ((await deps.exists(target.name)) === false) return sendText(res, 404, `Function "${target.name}" not found.\n`);
  if (!deps.queue.connected) return sendText(res, 503, 'The async queue (NATS) is not available yet; try again in a few seconds.\n');
  const callId = (req.headers['x-call-id'] as string | undefined) || randomUUID();
  await deps.queue.publish({
    fn: target.name,
    path: target.rest,
    method: 'POST',
    headers: replayableHeaders(req.headers),
    callId,
    callbackUrl: callback?.ok ? callback.url : null,
    queuedAt: Date.now(),
  }, body);
  res.writeHead(202, { 'X-Call-Id': callId, 'Content-Length': 0 });
  res.end();
}
