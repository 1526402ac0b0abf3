/** The one namespace of a sandbox: OpenFaaS's default function namespace. */
export const NAMESPACE = 'openfaas-fn';

export type Scoped = { url: string } | { status: number; text: string };

const FUNCTION_ROUTE = /^\/(function|async-function)\/([^/?]+)(.*)$/;
const SYSTEM_NAMED = /^\/(system\/function|system\/scale-function)\/([^/?]+)(.*)$/;

/**
 * OpenFaaS's clients name a namespace in two ways: `/function/<name>.<namespace>` (faas-cli
 * invoke always appends one, `openfaas-fn` by default) and `?namespace=` on the /system routes.
 * Take it out of the URL when it is this sandbox's one namespace (or empty); any other gets
 * OpenFaaS's answer: 503 "No endpoints available" on a function route, 400 "namespace … is not
 * allowed" on the API (as OpenFaaS CE's faas-netes answers). The rest of the URL is kept
 * byte for byte: a function sees its own query string unchanged.
 */
export function withoutNamespace(url: string): Scoped {
  const q = url.indexOf('?');
  let path = q < 0 ? url : url.slice(0, q);
  let query = q < 0 ? '' : url.slice(q + 1);
  const fn = FUNCTION_ROUTE.exec(path);
  const system = path.startsWith('/system/');
  if (!fn && !system) return { url };

  let queried: string | null = null;
  if (query) {
    const kept: string[] = [];
    for (const part of query.split('&')) {
      const eq = part.indexOf('=');
      const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
      if (key === 'namespace') queried = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
      else kept.push(part);
    }
    query = kept.join('&');
  }

  const named = fn ?? SYSTEM_NAMED.exec(path);
  let suffixed: string | null = null;
  if (named) {
    const segment = safeDecode(named[2]);
    const dot = segment.indexOf('.');
    if (dot >= 0) {
      suffixed = segment.slice(dot + 1);
      path = `/${named[1]}/${encodeURIComponent(segment.slice(0, dot))}${named[3]}`;
    }
  }
  for (const ns of [suffixed, queried]) {
    if (ns === null || ns === '' || ns === NAMESPACE) continue;
    if (fn) return { status: 503, text: `No endpoints available for: ${safeDecode(fn[2])}.\nThis gateway has one namespace, ${NAMESPACE}.\n` };
    return { status: 400, text: `namespace ${ns} is not allowed\nThis gateway has one namespace, ${NAMESPACE}.\n` };
  }
  return { url: query ? `${path}?${query}` : path };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
