import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test, { after } from 'node:test';
import { newParticipantId } from '../session/participant';
import { attachWorkspace, ensureHome, sandboxHome } from './home';
import { participantWorkspace } from './participant';

const made: string[] = [];
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-home-')); made.push(d); return d; };
after(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

test("files saved before there was a sandbox move into its home; the workspace then is the home", () => {
  const data = tmp();
  const pid = newParticipantId();
  participantWorkspace(data, pid).write('hello/handler.py', 'v1');
  attachWorkspace(data, pid, 'sandbox00001');
  assert.equal(fs.readFileSync(path.join(sandboxHome(data, 'sandbox00001'), 'hello/handler.py'), 'utf8'), 'v1');
  assert.ok(fs.lstatSync(path.join(data, 'workspaces', pid)).isSymbolicLink());
  participantWorkspace(data, pid).write('hello/handler.py', 'v2');
  assert.equal(fs.readFileSync(path.join(sandboxHome(data, 'sandbox00001'), 'hello/handler.py'), 'utf8'), 'v2');
  attachWorkspace(data, pid, 'sandbox00001'); // again: nothing moves
  assert.equal(participantWorkspace(data, pid).read('hello/handler.py'), 'v2');
});

test("a new sandbox takes the files of the last one, whose home goes; a pool home's leftovers never win", () => {
  const data = tmp();
  const pid = newParticipantId();
  attachWorkspace(data, pid, 'sandbox00001');
  participantWorkspace(data, pid).write('a/handler.py', 'mine');
  fs.writeFileSync(path.join(ensureHome(data, 'sandbox00002'), 'a'), 'pool leftover');
  attachWorkspace(data, pid, 'sandbox00002');
  assert.equal(participantWorkspace(data, pid).read('a/handler.py'), 'mine');
  assert.equal(fs.existsSync(sandboxHome(data, 'sandbox00001')), false);
  assert.equal(fs.realpathSync(path.join(data, 'workspaces', pid)), sandboxHome(data, 'sandbox00002'));
});

test('no files yet: the workspace simply points at the home', () => {
  const data = tmp();
  const pid = newParticipantId();
  attachWorkspace(data, pid, 'sandbox00003');
  assert.deepEqual(fs.readdirSync(path.join(data, 'workspaces', pid)), []);
  assert.throws(() => attachWorkspace(data, '../etc', 'sandbox00003'), /invalid participant id/);
});

test('a file whose name is not UTF-8 (made in the shell) moves along instead of stopping the move', () => {
  const data = tmp();
  const pid = newParticipantId();
  attachWorkspace(data, pid, 'sandbox00004');
  const odd = (dir: string) => Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9])]);
  fs.writeFileSync(odd(sandboxHome(data, 'sandbox00004')), 'odd');
  attachWorkspace(data, pid, 'sandbox00005');
  assert.equal(fs.readFileSync(odd(sandboxHome(data, 'sandbox00005')), 'utf8'), 'odd');
});
