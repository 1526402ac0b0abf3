import { AppError, type ErrorCode } from '../errors';
import type { GatewayReply } from './gateway-client';

/**
 * A refused /system/* call in words a participant understands. The platform's provider answers
 * with its message on the first line and what to do on the next (lib/provider/api.ts), which
 * become the error's message and hint; the status decides the code.
 */
export function gatewayRefusal(reply: GatewayReply, what: string): AppError {
  const [first = '', ...rest] = reply.body.toString('utf8').trim().split('\n');
  const said = first.trim();
  const hint = rest.join('\n').trim() || undefined;
  if (reply.status === 401) {
    return new AppError('unauthorized', `Your gateway refused the portal's login while trying to ${what}.`, { hint: 'Reload the page; if it persists, your sandbox may have been replaced — press Restart in the header.' });
  }
  if (said) return new AppError(codeFor(reply.status), `Could not ${what}: ${said}`, { hint });
  // No words from the platform: a 502-504 without a body is the function's side not answering yet.
  if (reply.status === 502 || reply.status === 503 || reply.status === 504) {
    return new AppError('unavailable', `Could not ${what}: the function is not ready yet.`, { hint: 'Wait until its status shows Ready, then try again.' });
  }
  return new AppError(codeFor(reply.status), `Could not ${what} (the gateway answered ${reply.status}).`);
}

function codeFor(status: number): ErrorCode {
  if (status === 400) return 'invalid';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 429) return 'quota';
  if (status === 422 || status === 502) return 'deploy_failed';
  if (status === 503) return 'unavailable';
  if (status === 504) return 'timeout';
  return status >= 500 ? 'internal' : 'invalid';
}
