/**
 * When a newcomer last took a pool sandbox. Their browser, their terminal's exec and their
 * first page want the machine's CPU for the next few seconds; making the pool's next sandbox
 * right then (network, gateway, shell: a few seconds of dockerd and containers starting) took
 * a third of a second from their first prompt on two cores. So the pool waits QUIET_MS after a
 * claim, while it still has one to give. On globalThis: claims happen in Next's bundle and in
 * server.ts's terminal server, the pool fills in server.ts.
 */
export const QUIET_MS = 4000;

const key = Symbol.for('faaslab.lastPoolClaim');
type Holder = { [key]?: number };

export const noteClaim = (now = Date.now()) => { (globalThis as Holder)[key] = now; };

/** True while a claim is fresh enough that making the next pool sandbox should wait. */
export const claimIsFresh = (now = Date.now()) => now - ((globalThis as Holder)[key] ?? 0) < QUIET_MS;
