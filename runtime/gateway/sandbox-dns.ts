import { Resolver, type lookup } from 'node:dns/promises';
import { inSubnets, ipv4ToInt, type Subnet } from './subnets';

export type LookupFn = typeof lookup;

/**
 * Docker's DNS answers a name of the sandbox in well under a millisecond; a name it does not
 * know goes nowhere (the gateway has no upstream resolver, see GATEWAY_DNS in
 * lib/sandbox/gateway-spec.ts) and would wait out libc's timeout. So names are asked of Docker's
 * DNS directly, once, with a short timeout: an unknown function costs at most this long.
 */
const DNS_TIMEOUT_MS = 150;
let resolver: Resolver | undefined;
const dockerLookup = (async (name: string) => {
  resolver ??= new Resolver({ timeout: DNS_TIMEOUT_MS, tries: 1 });
  return (await resolver.resolve4(name)).map((address) => ({ address, family: 4 }));
}) as unknown as LookupFn;
/** What a failed lookup means here: no such name (or none Docker's DNS could answer in time). */
const NOT_FOUND = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENODATA', 'ETIMEOUT', 'ESERVFAIL', 'EREFUSED', 'ECONNREFUSED', 'ENONAME', 'EBADNAME']);

/** The participant's side of the gateway: the sandbox network, by its subnets and its name. */
export type SandboxScope = { subnets: readonly Subnet[]; network: string };

/** What a host resolved to: the addresses inside the sandbox network, and the others (never called). */
export type SandboxAnswer = { inside: string[]; outside: string[] };

const SINGLE_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/i;

/**
 * Resolve a host (a name or an IPv4 address) for a request made on a participant's behalf.
 * The gateway's DNS also answers names on the control network (`gateways`, `nats`, other
 * sandboxes' gateways), and by default prefers them; so a single-label name is looked up as
 * `<name>.<network>`, which Docker's DNS answers from the sandbox network alone (see
 * ResolveName in moby's libnetwork/sandbox.go: "container_name.network_name"). Whatever the
 * answer, only addresses inside the sandbox subnets count as inside: that is the boundary.
 */
export async function lookupInSandbox(host: string, scope: SandboxScope, lookupFn: LookupFn = dockerLookup): Promise<SandboxAnswer> {
  let addrs: string[];
  if (ipv4ToInt(host) !== null) addrs = [host];
  else if (host.startsWith('[') || host.includes(':')) addrs = [host]; // IPv6: never inside
  else addrs = await resolveAll(sandboxName(host, scope.network), lookupFn);
  const inside = addrs.filter((a) => inSubnets(a, scope.subnets));
  return { inside, outside: addrs.filter((a) => !inside.includes(a)) };
}

/** The name to look up for a host: a single label on the sandbox network only, `<name>.<network>`. */
export function sandboxName(host: string, network: string): string {
  return SINGLE_LABEL.test(host) && network ? `${host}.${network}` : host;
}

/** IPv4 addresses of a name; none when it does not resolve. */
async function resolveAll(name: string, lookupFn: LookupFn): Promise<string[]> {
  try {
    return (await lookupFn(name, { all: true, family: 4 })).map((a) => a.address);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code && NOT_FOUND.has(code)) return [];
    throw err;
  }
}
