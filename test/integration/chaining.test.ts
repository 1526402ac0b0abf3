import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { deployFunction, participant, removeTestInstance, testContext } from './helpers';

// Chaining, both ways Lab 3 teaches it: a function calling another through
// http://gateway:8080/function/<name> from its own code, and one invocation's output piped
// into the next by the client.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();

const UPPER = 'def handle(req):\n    return req.upper()\n';
const COUNT = 'def handle(req):\n    return "%d words" % len(req.split())\n';
// Calls two other functions of the same sandbox by name, as the workshop's examples do.
const PIPELINE = `import urllib.request

def call(name, data):
    req = urllib.request.Request("http://gateway:8080/function/" + name, data=data.encode(), method="POST")
    with urllib.request.urlopen(req, timeout=10) as res:
        return res.read().decode()

def handle(req):
    shouted = call("upper", req)
    return shouted.strip() + " / " + call("count", shouted).strip()
`;
const MISSING = `import urllib.request, urllib.error

def handle(req):
    try:
        urllib.request.urlopen("http://gateway:8080/function/not-deployed", data=b"x", timeout=10)
    except urllib.error.HTTPError as e:
        return "%d %s" % (e.code, e.read().decode().strip())
`;

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  for (const [fn, handler] of Object.entries({ upper: UPPER, count: COUNT, pipeline: PIPELINE, 'calls-missing': MISSING })) {
    await deployFunction(ctx, sb, pid, fn, { 'handler.py': handler });
  }
});

after(() => removeTestInstance(ctx, [pid]));

const invoke = async (fn: string, body: string) => {
  const r = await fetch(`${sb.gatewayUrl}/function/${fn}`, { method: 'POST', body });
  return { status: r.status, text: (await r.text()).trim() };
};

test('a function calls two others through http://gateway:8080/function/<name>', async () => {
  assert.deepEqual(await invoke('pipeline', 'serverless functions are fun'), { status: 200, text: 'SERVERLESS FUNCTIONS ARE FUN / 4 words' });
});

test("a function calling one that is not deployed gets the gateway's 404 with the name", async () => {
  assert.deepEqual(await invoke('calls-missing', ''), { status: 200, text: '404 Function "not-deployed" not found.' });
});

test("one invocation's output piped into the next (what `faas-cli invoke a | faas-cli invoke b` does)", async () => {
  const first = await invoke('upper', 'pipe me through');
  assert.equal(first.status, 200);
  assert.deepEqual(await invoke('count', first.text), { status: 200, text: '3 words' });
});

test('the calls between functions are counted per function in the gateway metrics', async () => {
  const metrics = await (await fetch(`${sb.gatewayUrl}/metrics`)).text();
  const count = (fn: string) => Number(new RegExp(`gateway_function_invocation_total\\{[^}]*function_name="${fn}"[^}]*code="200"[^}]*\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
  assert.ok(count('pipeline') >= 1, metrics);
  assert.ok(count('upper') >= 2, 'upper was called by pipeline and by the client');
  assert.ok(count('count') >= 2, 'count was called by pipeline and by the client');
});
