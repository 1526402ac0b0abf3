import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLocked, lockBuildBridge, ruleWords, unlockBuildBridge, type BuildBridge, type Iptables } from './firewall';

/** An in-memory filter table that answers -S, -N, -F, -X, -A, -I and -D as iptables does (rules shown as `iptables -S` shows them). */
function fakeIptables(initial: Record<string, string[][]> = {}) {
  const chains = new Map<string, string[][]>([['INPUT', []], ['FORWARD', []], ['OUTPUT', []], ...Object.entries(initial)]);
  const calls: string[] = [];
  const show = (w: string) => (w.includes(':') && !w.includes('/') && !/^\d/.test(w) ? `"${w}"` : w);
  const ipt: Iptables = async (args) => {
    calls.push(args.join(' '));
    const [op, chain, ...rest] = args;
    const ok = (stdout = '') => ({ code: 0, stdout, stderr: '' });
    const fail = (stderr: string) => ({ code: 1, stdout: '', stderr });
    if (op === '-S') {
      const builtin = ['INPUT', 'FORWARD', 'OUTPUT'];
      return ok([
        ...builtin.map((c) => `-P ${c} ACCEPT`),
        ...[...chains.keys()].filter((c) => !builtin.includes(c)).map((c) => `-N ${c}`),
        ...[...chains].flatMap(([c, rules]) => rules.map((r) => `-A ${c} ${r.map(show).join(' ')}`)),
      ].join('\n') + '\n');
    }
    const rules = chains.get(chain);
    if (op === '-N') return rules ? fail('Chain already exists.') : (chains.set(chain, []), ok());
    if (!rules) return fail(`No chain/target/match by that name.`);
    const same = (r: string[], w: string[]) => r.join(' ') === w.join(' ');
    switch (op) {
      case '-F': rules.length = 0; return ok();
      case '-X': chains.delete(chain); return ok();
      case '-A': rules.push(rest); return ok();
      case '-I': rules.splice(Number(rest[0]) - 1, 0, rest.slice(1)); return ok();
      case '-D': {
        const i = rules.findIndex((r) => same(r, rest));
        if (i < 0) return fail('Bad rule (does a matching rule exist in that chain?).');
        rules.splice(i, 1);
        return ok();
      }
    }
    return fail(`unexpected ${op}`);
  };
  return { ipt, chains, calls };
}

const b: BuildBridge = { instance: 'test1', bridge: 'br-0123456789ab', gateway: '172.20.0.1' };
const other = ['-i', 'br-ffffffffffff', '-m', 'comment', '--comment', 'faaslab:test2:build', '-j', 'FAASLAB-BLD-test2'];

test('ruleWords reads iptables -S quoting', () => {
  assert.deepEqual(ruleWords('-A INPUT -m comment --comment "a \\"b\\" c" -j X'), ['-A', 'INPUT', '-m', 'comment', '--comment', 'a "b" c', '-j', 'X']);
});

test('locking: a chain that accepts the index port and rejects the rest, jumped to first from INPUT for the bridge', async () => {
  const fw = fakeIptables({ INPUT: [['-i', 'lo', '-j', 'ACCEPT'], ['-j', 'ufw-before-input']] });
  await lockBuildBridge(fw.ipt, b, [47001]);
  assert.deepEqual(fw.chains.get('INPUT')![0], ['-i', 'br-0123456789ab', '-m', 'comment', '--comment', 'faaslab:test1:build', '-j', 'FAASLAB-BLD-test1']);
  assert.deepEqual(fw.chains.get('FAASLAB-BLD-test1'), [
    ['-d', '172.20.0.1/32', '-p', 'tcp', '-m', 'tcp', '--dport', '47001', '-m', 'comment', '--comment', 'faaslab:test1:build', '-j', 'ACCEPT'],
    ['-m', 'comment', '--comment', 'faaslab:test1:build', '-j', 'REJECT', '--reject-with', 'icmp-admin-prohibited'],
  ]);
  const listing = (await fw.ipt(['-S'])).stdout;
  assert.equal(isLocked(listing, b, [47001]), true);
  assert.equal(isLocked(listing, b, [47002]), false, 'another port is not open');
  fw.calls.length = 0;
  await lockBuildBridge(fw.ipt, b, [47001]);
  assert.deepEqual(fw.calls, ['-S'], 'locking again changes nothing');
});

test('a rule inserted above the jump that could match the bridge unlocks it; locking again puts a jump first', async () => {
  const fw = fakeIptables();
  await lockBuildBridge(fw.ipt, b, []);
  fw.chains.get('INPUT')!.unshift(other); // another instance's bridge: harmless
  assert.equal(isLocked((await fw.ipt(['-S'])).stdout, b, []), true);
  fw.chains.get('INPUT')!.unshift(['-p', 'tcp', '--dport', '22', '-j', 'ACCEPT']);
  assert.equal(isLocked((await fw.ipt(['-S'])).stdout, b, []), false);
  await lockBuildBridge(fw.ipt, b, []);
  assert.equal(isLocked((await fw.ipt(['-S'])).stdout, b, []), true);
});

test('a new index port is opened before the old one is closed; a recreated bridge replaces the old jump', async () => {
  const fw = fakeIptables();
  await lockBuildBridge(fw.ipt, b, [47001]);
  fw.calls.length = 0;
  await lockBuildBridge(fw.ipt, { ...b, bridge: 'br-aaaaaaaaaaaa' }, [47002]);
  assert.deepEqual(fw.calls.map((c) => c.split(' ')[0]), ['-S', '-I', '-D', '-D', '-I']);
  const listing = (await fw.ipt(['-S'])).stdout;
  assert.equal(isLocked(listing, { ...b, bridge: 'br-aaaaaaaaaaaa' }, [47002]), true);
  assert.equal(fw.chains.get('INPUT')!.length, 1);
});

test("unlocking removes this instance's rules and chain, and nothing else", async () => {
  const fw = fakeIptables({ INPUT: [other, ['-i', 'lo', '-j', 'ACCEPT']], 'FAASLAB-BLD-test2': [['-j', 'REJECT']] });
  await lockBuildBridge(fw.ipt, b, [47001]);
  await unlockBuildBridge(fw.ipt, 'test1');
  assert.deepEqual(fw.chains.get('INPUT'), [other, ['-i', 'lo', '-j', 'ACCEPT']]);
  assert.equal(fw.chains.has('FAASLAB-BLD-test1'), false);
  assert.ok(fw.chains.has('FAASLAB-BLD-test2'));
});
