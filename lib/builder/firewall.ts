import { execFile } from 'node:child_process';

/**
 * The host's firewall for the build network. The network is `internal` (no forwarding off the
 * bridge), but a build step still reaches the host itself through the bridge's gateway address
 * (INPUT, not FORWARD): any host port bound to 0.0.0.0 — the web app, gateways' published
 * ports, the swarm's 2377. So packets arriving on the build bridge go to a chain of this
 * instance that accepts only the package index (TCP to the gateway address and its port) and
 * rejects the rest. Every rule carries the comment `faaslab:<instance>:build`: that is how they
 * are found again and removed, and nothing else in the firewall is touched.
 */

export type Iptables = (args: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

/** `iptables -w …` (waits for the xtables lock Docker also takes); a missing binary rejects. */
export const execIptables: Iptables = (args) => new Promise((resolve, reject) => {
  execFile('iptables', ['-w', ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
    const code = (err as { code?: unknown } | null)?.code;
    if (err && typeof code !== 'number') return reject(err);
    resolve({ code: typeof code === 'number' ? code : 0, stdout, stderr });
  });
});

export type BuildBridge = { instance: string; bridge: string; gateway: string };

export const firewallComment = (instance: string) => `faaslab:${instance}:build`;
/** ≤ 28 characters (iptables' limit): the prefix is at most 16. */
export const firewallChain = (instance: string) => `FAASLAB-BLD-${instance}`;

const tagged = (instance: string) => ['-m', 'comment', '--comment', firewallComment(instance)];
export const jumpRule = (b: BuildBridge) => ['-i', b.bridge, ...tagged(b.instance), '-j', firewallChain(b.instance)];
export const acceptRule = (b: BuildBridge, port: number) => ['-d', `${b.gateway}/32`, '-p', 'tcp', '-m', 'tcp', '--dport', String(port), ...tagged(b.instance), '-j', 'ACCEPT'];
/** An ICMP "administratively prohibited" answer: the step fails at once (not after a timeout), and learns nothing. */
export const rejectRule = (instance: string) => [...tagged(instance), '-j', 'REJECT', '--reject-with', 'icmp-admin-prohibited'];

/** Split one line of `iptables -S` into its words (double quotes group, backslash escapes inside them). */
export function ruleWords(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return out;
}

/** `-A <chain> …` rules of a listing (`iptables -S`), as words after the chain name. */
export function rulesOf(listing: string, chain: string): string[][] {
  return listing.split('\n').map(ruleWords).filter((w) => w[0] === '-A' && w[1] === chain).map((w) => w.slice(2));
}

const hasWords = (rule: string[], words: string[]) => rule.join('\u0000') === words.join('\u0000');
const ours = (rule: string[], instance: string) => rule.some((w, i) => w === firewallComment(instance) && rule[i - 1] === '--comment');

/** Is our jump in INPUT, with no rule before it that could match packets from the bridge (only rules for other named interfaces may come first)? */
function jumpFirst(listing: string, b: BuildBridge): boolean {
  const input = rulesOf(listing, 'INPUT');
  const at = input.findIndex((r) => hasWords(r, jumpRule(b)));
  const otherInterface = (r: string[]) => r[0] === '-i' && r[1] !== b.bridge && !r[1].endsWith('+');
  return at >= 0 && input.slice(0, at).every(otherInterface);
}

/** Is the build bridge locked in this listing: our jump first (for this bridge) in INPUT, and our chain holding our accepts for `ports`, then the reject, and nothing else? */
export function isLocked(listing: string, b: BuildBridge, ports: number[]): boolean {
  const chain = rulesOf(listing, firewallChain(b.instance));
  const accepts = ports.map((p) => acceptRule(b, p));
  return jumpFirst(listing, b)
    && chain.length > 0 && hasWords(chain.at(-1)!, rejectRule(b.instance))
    && accepts.every((a) => chain.some((r) => hasWords(r, a)))
    && chain.slice(0, -1).every((r) => accepts.some((a) => hasWords(r, a)) || hasWords(r, rejectRule(b.instance)));
}

async function run(ipt: Iptables, args: string[]): Promise<string> {
  const r = await ipt(args);
  if (r.code !== 0) throw new Error(`iptables ${args.join(' ')}: ${r.stderr.trim() || `exit code ${r.code}`}`);
  return r.stdout;
}

const chainExists = (listing: string, chain: string) => listing.split('\n').some((l) => hasWords(ruleWords(l), ['-N', chain]));

/** Remove this instance's rules from INPUT (found by comment), then its chain if there is one. */
export async function unlockBuildBridge(ipt: Iptables, instance: string): Promise<void> {
  const listing = await run(ipt, ['-S']);
  for (const rule of rulesOf(listing, 'INPUT').filter((r) => ours(r, instance))) await run(ipt, ['-D', 'INPUT', ...rule]);
  if (chainExists(listing, firewallChain(instance))) {
    await run(ipt, ['-F', firewallChain(instance)]);
    await run(ipt, ['-X', firewallChain(instance)]);
  }
}

/**
 * Lock the build bridge, changing only what is missing or wrong, in an order that never lets a
 * packet through that the finished rules would stop: accepts and the reject go into the chain
 * first, stale rules come out after, and the jump is inserted first in INPUT (a copy further
 * down, left behind when something was inserted above it, is harmless and goes at unlock).
 */
export async function lockBuildBridge(ipt: Iptables, b: BuildBridge, ports: number[]): Promise<void> {
  const listing = await run(ipt, ['-S']);
  const chain = firewallChain(b.instance);
  if (!chainExists(listing, chain)) await run(ipt, ['-N', chain]);
  const rules = rulesOf(listing, chain);
  const accepts = ports.map((p) => acceptRule(b, p));
  for (const a of accepts) if (!rules.some((r) => hasWords(r, a))) await run(ipt, ['-I', chain, '1', ...a]);
  if (!(rules.length && hasWords(rules.at(-1)!, rejectRule(b.instance)))) await run(ipt, ['-A', chain, ...rejectRule(b.instance)]);
  for (const r of rules) if (!accepts.some((a) => hasWords(r, a)) && !hasWords(r, rejectRule(b.instance))) await run(ipt, ['-D', chain, ...r]);
  // Jumps of this instance for another bridge (the network was made again) lead nowhere useful.
  for (const r of rulesOf(listing, 'INPUT')) if (ours(r, b.instance) && !hasWords(r, jumpRule(b))) await run(ipt, ['-D', 'INPUT', ...r]);
  if (!jumpFirst(listing, b)) await run(ipt, ['-I', 'INPUT', '1', ...jumpRule(b)]);
}

/** The current listing, to check with isLocked. */
export const listRules = (ipt: Iptables) => run(ipt, ['-S']);
