import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { gatewayRequest, type PortalGateway } from './gateway-client';
import { INVOKE_METHODS, MAX_INVOKE_BODY, MAX_SHOWN_RESPONSE } from './limits';

export { INVOKE_METHODS, MAX_INVOKE_BODY, MAX_SHOWN_RESPONSE };

// Headers fetch sets itself or refuses (and Content-Type, which has its own field): naming one
// would be ignored or fail obscurely, so it is refused with a reason instead.
const RESERVED = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'expect', 'proxy-connection', 'content-type']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const headerSchema = z.object({
  name: z.string().trim().max(100, 'A header name is at most 100 characters.')
    .refine((n) => TOKEN.test(n), { error: (i) => `"${String(i.input).slice(0, 40)}" is not a valid header name (letters, digits and - only, no spaces or colons).` })
    .refine((n) => !RESERVED.has(n.toLowerCase()), { error: (i) => `The ${String(i.input)} header is set by the portal itself${String(i.input).toLowerCase() === 'content-type' ? ' from the Content type field' : ''}; remove that row.` }),
  value: z.string().max(4096, 'A header value is at most 4096 characters.')
    .refine((v) => !/[\r\n\0]/.test(v), 'A header value cannot contain line breaks.'),
});

export const invokeSchema = z.object({
  method: z.enum(INVOKE_METHODS, { error: `Method must be one of ${INVOKE_METHODS.join(', ')}.` }),
  body: z.string().refine((b) => Buffer.byteLength(b) <= MAX_INVOKE_BODY, `The request body is larger than ${MAX_INVOKE_BODY / 1024 / 1024} MiB; send large files with curl or faas-cli invoke in the terminal.`).default(''),
  contentType: z.string().trim().max(200).regex(/^[^\r\n]*$/, 'The content type cannot contain line breaks.').default('text/plain'),
  query: z.string().trim().max(2048, 'The query string is at most 2048 characters.').transform((q) => q.replace(/^\?/, '')).default(''),
  headers: z.array(headerSchema).max(20, 'At most 20 headers.').default([]),
});
export type InvokeRequest = z.input<typeof invokeSchema>;

export type InvokeResult = {
  status: number;
  statusText: string;
  headers: [string, string][];
  contentType: string;
  body: string;
  /** The answer was longer than MAX_SHOWN_RESPONSE and is cut. */
  truncated: boolean;
  /** Wall time of the call as the web app measured it, in ms (the gateway's X-Duration-Seconds is in the headers). */
  durationMs: number;
  /** What a participant should make of a gateway-level status (not ready, no such function). */
  note?: string;
};

/**
 * Invoke a function through the gateway's /function/<name>, as faas-cli invoke and curl do: no
 * login (OpenFaaS leaves /function/* open), the method, query, headers and body as given. The
 * function's own error statuses are answers to show, not failures; only an unreachable gateway throws.
 */
export async function invokeFunction(gw: PortalGateway, name: string, input: z.output<typeof invokeSchema>): Promise<InvokeResult> {
  const headers: Record<string, string> = Object.fromEntries(input.headers.filter((h) => h.name).map((h) => [h.name, h.value]));
  const hasBody = input.method !== 'GET';
  if (hasBody) headers['Content-Type'] = input.contentType || 'text/plain';
  const path = `/function/${encodeURIComponent(name)}${input.query ? `?${input.query}` : ''}`;
  const reply = await gatewayRequest(gw, input.method, path, { body: hasBody ? input.body : undefined, headers, timeoutMs: 60_000, maxBytes: MAX_SHOWN_RESPONSE });
  const contentType = reply.headers.find(([k]) => k === 'content-type')?.[1] ?? '';
  return {
    status: reply.status,
    statusText: STATUS_CODES[reply.status] ?? '',
    headers: reply.headers,
    contentType,
    body: reply.body.toString('utf8'),
    truncated: reply.truncated,
    durationMs: reply.durationMs,
    note: noteFor(reply.status, name),
  };
}

function noteFor(status: number, name: string): string | undefined {
  if (status === 404) return `Your gateway has no function "${name}" (or the function answered 404). Check the list above.`;
  if (status === 502 || status === 503) return 'Function not ready yet: wait until its status shows Ready, then invoke again.';
  if (status === 504) return 'The function took too long to answer (the gateway gave up).';
  return undefined;
}
