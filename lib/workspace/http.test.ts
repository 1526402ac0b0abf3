import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors';
import { saveSchema } from './api-schemas';
import { MAX_FILE_BYTES } from './files';
import { answer, assertSameOrigin, readBody } from './http';

const put = (body: string, headers: Record<string, string> = {}) => new Request('http://lab.example/api/workspace/file', { method: 'PUT', body, headers: { host: 'lab.example', ...headers } });
const reply = async (res: Response) => ({ status: res.status, body: await res.json() });

test('errors answer { error: { code, message, hint } } with their status; a conflict also carries what is on disk', async () => {
  assert.deepEqual(await reply(await answer(() => ({ path: 'a', version: 'v' }))), { status: 200, body: { path: 'a', version: 'v' } });
  const cases: [AppError, number][] = [
    [new AppError('invalid', 'bad'), 400], [new AppError('forbidden', 'no'), 403], [new AppError('not_found', 'gone'), 404],
    [new AppError('too_large', 'big'), 413], [new AppError('unsupported', 'NUL'), 415], [new AppError('quota', 'full'), 429],
  ];
  for (const [err, status] of cases) assert.equal((await answer(() => { throw err; })).status, status, err.code);
  const conflict = new AppError('conflict', 'changed', { hint: 'choose', detail: { current: { content: 'x', version: 'v2' } } });
  assert.deepEqual(await reply(await answer(() => { throw conflict; })), { status: 409, body: { error: { code: 'conflict', message: 'changed', hint: 'choose' }, current: { content: 'x', version: 'v2' } } });
  const internal = await reply(await answer(() => { throw new Error("EACCES: permission denied, open '/var/lib/faaslab/homes/x'"); }));
  assert.equal(internal.status, 500);
  assert.doesNotMatch(JSON.stringify(internal.body), /faaslab\/homes/, 'no host paths in answers');
});

test("changes from another site's page are refused; this site's pages and non-browser clients pass", () => {
  assert.throws(() => assertSameOrigin(put('{}', { origin: 'https://evil.example' })), (e: AppError) => e.code === 'forbidden');
  assertSameOrigin(put('{}', { origin: 'http://lab.example' }));
  assertSameOrigin(put('{}'));
  assertSameOrigin(put('{}', { origin: 'https://lab.example', 'x-forwarded-host': 'lab.example' }));
});

test('bodies: checked by the schema with what is wrong, refused past the size limit without reading it all', async () => {
  assert.deepEqual(await readBody(put(JSON.stringify({ path: 'a.py', content: 'x', baseVersion: null })), saveSchema), { path: 'a.py', content: 'x', baseVersion: null });
  await assert.rejects(readBody(put('not json'), saveSchema), /not JSON/);
  await assert.rejects(readBody(put(JSON.stringify({ path: 'a.py', content: 42, baseVersion: null })), saveSchema), /content: The editor only saves text/);
  await assert.rejects(readBody(put(JSON.stringify({ path: 'a.py', content: 'x' })), saveSchema), /baseVersion/);
  await assert.rejects(readBody(put('x'.repeat(7 * MAX_FILE_BYTES)), saveSchema), (e: AppError) => e.code === 'too_large');
});
