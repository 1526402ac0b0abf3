/**
 * fetch with a deadline. AbortSignal.timeout() uses an unref'd timer, and an undici request
 * whose connection is still pending does not keep Node's event loop alive either, so a
 * process with nothing else to do could exit mid-request; this timer is ref'd.
 */
export async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new Error(`no answer from ${url} within ${timeoutMs} ms`)), timeoutMs);
  try {
    const res = await fetch(url, { ...init, signal: ctl.signal });
    // Read the body inside the deadline; 204/205/304 responses may not carry one.
    const body = [204, 205, 304].includes(res.status) ? null : await res.arrayBuffer();
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  } finally {
    clearTimeout(timer);
  }
}
