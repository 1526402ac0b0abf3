import { lookup } from 'node:dns/promises';

/**
 * With Swarm's dnsrr endpoint mode a function's name resolves to the addresses of its running
 * tasks, and the gateway balances between them itself (round robin per name).
 */
export class Balancer {
  private readonly next = new Map<string, number>();

  async pick(name: string): Promise<string | null> {
    let addrs: { address: string }[];
    try {
      addrs = await lookup(name, { all: true, family: 4 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOTFOUND' || (err as NodeJS.ErrnoException).code === 'EAI_AGAIN') return null;
      throw err;
    }
    if (addrs.length === 0) return null;
    const i = (this.next.get(name) ?? 0) % addrs.length;
    this.next.set(name, i + 1);
    return addrs[i].address;
  }
}
