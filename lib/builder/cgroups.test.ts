import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BuildCgroups, removeBuildCgroups } from './cgroups';

/** A stand-in for /sys/fs/cgroup: plain directories (the kernel would add pids.current itself). */
const fakeRoot = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cgroups-'));
  for (const h of ['pids', 'memory', 'cpu,cpuacct']) fs.mkdirSync(path.join(root, h));
  return root;
};

test('each running build gets a parent of its own with pids.max; released parents are reused', () => {
  const root = fakeRoot();
  const pool = new BuildCgroups('test1', root, 100);
  const a = pool.lease();
  const b = pool.lease();
  assert.deepEqual([a.cgroupParent, b.cgroupParent], ['/test1-builds/0', '/test1-builds/1']);
  assert.equal(fs.readFileSync(path.join(root, 'pids/test1-builds/1/pids.max'), 'utf8'), '100');
  a.release();
  a.release(); // twice is once
  assert.equal(pool.lease().cgroupParent, '/test1-builds/0');
  assert.equal(pool.lease().cgroupParent, '/test1-builds/2');
});

test('a released parent that still holds processes (a stopped build\'s step, not yet gone) is skipped', () => {
  const root = fakeRoot();
  const pool = new BuildCgroups('test1', root);
  const a = pool.lease();
  fs.writeFileSync(path.join(root, 'pids/test1-builds/0/pids.current'), '3\n');
  a.release();
  assert.equal(pool.lease().cgroupParent, '/test1-builds/1');
});

test("removal takes the instance's parents out of every hierarchy, and nothing else", () => {
  const root = fakeRoot();
  for (const h of ['pids', 'memory', 'cpu,cpuacct']) fs.mkdirSync(path.join(root, h, 'test1-builds', '0'), { recursive: true });
  fs.mkdirSync(path.join(root, 'pids', 'test2-builds', '0'), { recursive: true });
  removeBuildCgroups('test1', root);
  removeBuildCgroups('test1', root); // nothing left: fine
  assert.deepEqual(['pids', 'memory', 'cpu,cpuacct'].map((h) => fs.readdirSync(path.join(root, h))), [['test2-builds'], [], []]);
});
