import type { Routes } from './routes';
import { lookupInSandbox, type LookupFn, type SandboxScope } from './sandbox-dns';

/** How long a DNS answer is reused: a lookup through Docker's resolver costs about a millisecond. */
const DNS_TTL_MS = 1000;

/**
 * With Swarm's dnsrr endpoint mode a function's name resolves to the addresses of its running
 * tasks, and the gateway balances between them itself (round robin per name). Only addresses
 * on the sandbox network count (see sandbox-dns.ts): a name that resolves only elsewhere (the
 * control network, the host) is an unknown function, as for a participant's own code. A fresh
 * route override from the platform (see routes.ts) takes precedence over DNS. Answers are kept
 * for DNS_TTL_MS (an empty answer is never kept, so a new function is found at once); the
 * proxy forgets a name whose address failed, so a task that went away is not tried again.
 */
export class Balancer {
  private readonly next = new Map<string, number>();
  private readonly cache = new Map<string, { addrs: string[]; at: number }>();

  constructor(private readonly routes: Routes, private readonly scope: SandboxScope, private readonly lookupFn?: LookupFn) {}

  async pick(name: string, now = Date.now()): Promise<string | null> {
    return this.pickKnown(name, now) ?? this.choose(name, await this.cached(name, now));
  }

  /** The next address without a lookup, when a route or a fresh DNS answer is at hand (the usual case); else undefined. */
  pickKnown(name: string, now = Date.now()): string | null | undefined {
    const routed = this.routes.get(name, now);
    if (routed) return this.choose(name, routed);
    const hit = this.cache.get(name);
    return hit && now - hit.at < DNS_TTL_MS ? this.choose(name, hit.addrs) : undefined;
  }

  private choose(name: string, addrs: string[]): string | null {
    if (addrs.length === 0) return null;
    const i = (this.next.get(name) ?? 0) % addrs.length;
    this.next.set(name, i + 1);
    return addrs[i];
  }

  /** Drop the cached answer for a name (one of its addresses did not answer). */
  forget(name: string): void {
    this.cache.delete(name);
  }

  private async cached(name: string, now: number): Promise<string[]> {
    const { inside: addrs } = await lookupInSandbox(name, this.scope, this.lookupFn);
    if (addrs.length > 0) this.cache.set(name, { addrs, at: now });
    else this.cache.delete(name);
    return addrs;
  }
}
