import { isIP } from 'node:net';
import { lookupInSandbox, sandboxName, type LookupFn, type SandboxScope } from '../sandbox-dns';

/**
 * Where a callback is sent: the checked address to connect to (the URL's host only names it,
 * for the Host header and TLS), or why it is not sent. `retry` is false for a refusal: asking
 * again would get the same answer.
 */
export type CallbackTarget =
  | { ok: true; url: URL; address: string; port: number }
  | { ok: false; reason: string; retry: boolean };

const EXAMPLE = 'http://gateway:8080/function/<name>';

/**
 * Check an X-Callback-Url just before it is called. The gateway sits on the shared control
 * network (every sandbox's gateway, NATS, Prometheus) and has a route to the host, so a
 * callback may only go where the participant's own code can go: an address on the sandbox
 * network, or this gateway itself. The host is resolved once here and the caller connects to
 * the address returned, so a second lookup cannot answer differently (DNS rebinding).
 */
export async function callbackTarget(raw: string, gatewayPort: number, scope: SandboxScope, lookupFn?: LookupFn): Promise<CallbackTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute http(s) URL', retry: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'not an absolute http(s) URL', retry: false };
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  // This gateway's own alias: sent to this process directly, as a task that has just started
  // may not resolve its own name yet (the usual way to chain an async call into a function).
  if (url.protocol === 'http:' && url.hostname === 'gateway' && port === gatewayPort) return { ok: true, url, address: '127.0.0.1', port };
  const { inside, outside } = await lookupInSandbox(url.hostname, scope, lookupFn);
  if (inside.length > 0) return { ok: true, url, address: inside[0], port };
  const literal = isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0;
  // A name missing from the sandbox network: does it answer elsewhere (the control network)?
  // Asked only to refuse clearly instead of retrying; nothing found here is ever connected to.
  const scoped = sandboxName(url.hostname, scope.network) !== url.hostname;
  const elsewhere = outside.length === 0 && scoped ? (await lookupInSandbox(url.hostname, { ...scope, network: '' }, lookupFn)).outside : outside;
  if (elsewhere.length > 0) {
    const where = `outside this sandbox's network (${scope.subnets.map((s) => s.cidr).join(', ')})`;
    return {
      ok: false,
      retry: false,
      reason: `${url.hostname} ${literal ? 'is' : 'resolves only'} ${where}; callbacks may only go to your gateway and functions, e.g. ${EXAMPLE}`,
    };
  }
  return { ok: false, retry: true, reason: `${url.hostname} is not a name on this sandbox's network (use your gateway or a function, e.g. ${EXAMPLE})` };
}
