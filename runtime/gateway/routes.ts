/**
 * Addresses the platform told this gateway to use for a function, for a short time after a
 * deployment. Swarm keeps a replaced task in the network's DNS for a while after the new one
 * runs (and stops it only after a fixed 2 s delay), so for those seconds DNS would still send
 * some requests to the old version; an override routes only to the new tasks. Once it expires
 * DNS is right again. A new task may refuse connections for a few ms after Swarm reports it
 * running; the proxy retries those, so the override is kept rather than dropped.
 * `accept` keeps only addresses the gateway may call (the sandbox network's), whoever sent them.
 */
export class Routes {
  private readonly table = new Map<string, { addresses: string[]; expires: number }>();

  constructor(private readonly accept: (address: string) => boolean = () => true) {}

  set(name: string, addresses: string[], ttlMs: number, now = Date.now()): void {
    this.table.set(name, { addresses: addresses.filter(this.accept), expires: now + ttlMs });
  }

  get(name: string, now = Date.now()): string[] | null {
    const r = this.table.get(name);
    if (!r) return null;
    if (r.expires <= now) {
      this.table.delete(name);
      return null;
    }
    return r.addresses;
  }

  drop(name: string): void {
    this.table.delete(name);
  }
}

/** Header with which the provider says where a function now runs (see lib/provider/api.ts). */
export const ROUTES_HEADER = 'x-faaslab-routes';

/**
 * Apply a provider's routes header: "name=ip,ip" after a deployment or wake-up, "name=" after a
 * removal or scale to zero (no addresses: calls 404 or wake at once instead of trying the
 * stopping tasks that DNS still lists for a moment).
 */
export function applyRoutesHeader(value: unknown, routes: Routes): void {
  const m = /^([a-z0-9-]+)=([\d.,]*)$/.exec(String(value ?? ''));
  if (m) routes.set(m[1], m[2] ? m[2].split(',') : [], 10_000);
}
