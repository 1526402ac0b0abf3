/** An IPv4 subnet, e.g. 10.0.3.0/24 (the sandbox network's, from Docker's IPAM). */
export type Subnet = { cidr: string; base: number; mask: number };

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** A dotted-quad IPv4 address as a 32-bit number, or null for anything else (names, IPv6, odd forms). */
export function ipv4ToInt(addr: string): number | null {
  const m = DOTTED_QUAD.exec(addr);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** Parse `a.b.c.d/n[,…]`; throws naming the value that is not an IPv4 CIDR. */
export function parseSubnets(raw: string): Subnet[] {
  return raw.split(',').map((s) => s.trim()).filter(Boolean).map((cidr) => {
    const [addr, bits, extra] = cidr.split('/');
    const base = ipv4ToInt(addr);
    const n = Number(bits);
    if (base === null || extra !== undefined || !/^\d{1,2}$/.test(bits ?? '') || n > 32) {
      throw new Error(`"${cidr}" is not an IPv4 subnet in CIDR notation (e.g. 10.0.3.0/24)`);
    }
    const mask = n === 0 ? 0 : (0xffffffff << (32 - n)) >>> 0;
    return { cidr, base: (base & mask) >>> 0, mask };
  });
}

/** Whether an address lies inside one of the subnets (only dotted-quad IPv4 ever does). */
export function inSubnets(addr: string, subnets: readonly Subnet[]): boolean {
  const n = ipv4ToInt(addr);
  return n !== null && subnets.some((s) => ((n & s.mask) >>> 0) === s.base);
}
