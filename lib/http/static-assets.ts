import type { IncomingMessage, ServerResponse } from 'node:http';
import fs from 'node:fs';
import sirv from 'sirv';

export const STATIC_PREFIX = '/_next/static/';

/**
 * Next's build output (.next/static: content-hashed, so cached for a year), sent as the
 * brotli or gzip copy precompress.ts made, whichever the browser accepts. Next itself would
 * gzip every file for every request; Monaco's chunk alone costs ~90 ms of CPU that way, taken
 * from the same two cores the browser tab and the sandboxes need. sirv (not hand-written) does
 * the negotiation, ranges and ETags and never leaves its folder. A file it does not have
 * (a build made while the server runs) goes on to Next: `onMiss`.
 * Null when there is no build (development).
 */
export function staticAssets(dir: string): ((req: IncomingMessage, res: ServerResponse, onMiss: () => void) => void) | null {
  if (!fs.existsSync(dir)) return null;
  const serve = sirv(dir, { brotli: true, gzip: true, maxAge: 31536000, immutable: true, etag: true, extensions: [], dotfiles: false });
  return (req, res, onMiss) => {
    const url = req.url!;
    req.url = url.slice(STATIC_PREFIX.length - 1);
    serve(req, res, () => { req.url = url; onMiss(); });
  };
}
