import { lookup } from 'node:dns/promises';
import type { Routes } from './routes';

/**
 * With Swarm's dnsrr endpoint mode a function's name resolves to the addresses of its running
 * tasks, and the gateway balances between them itself (round robin per name). A fresh route
 * override from the platform (see routes.ts) takes precedence over DNS.
 */
export class Balancer {
  private readonly next = new Map<string, number>();

  constructor(private readonly routes: Routes) {}

  async pick(name: string): Promise<string | null> {
    const addrs = this.routes.get(name) ?? (await this.resolve(name));
    if (addrs.length === 0) return null;
    const i = (this.next.get(name) ?? 0) % addrs.length;
    this.next.set(name, i + 1);
    return addrs[i];
  }

  private async resolve(name: string): Promise<string[]> {
    try {
      return (await lookup(name, { all: true, family: 4 })).map((a) => a.address);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return [];
      throw err;
    }
  }
}
