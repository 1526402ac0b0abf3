import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

test('with no reachable Docker engine and no way to install one, set-up says what to install and exits non-zero', () => {
  // As an unprivileged user the engine's socket is unreachable and apt-get is not allowed.
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'bash', 'scripts/ensure-docker.sh'], {
    cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/tmp' } as unknown as NodeJS.ProcessEnv,
  });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /no Docker engine answers/);
  assert.match(r.stderr, /Install and start Docker Engine/);
  assert.match(r.stderr, /Nothing was changed/);
});

test('a DOCKER_HOST that does not answer is named in the error', () => {
  const r = spawnSync('bash', ['scripts/ensure-docker.sh'], {
    cwd: root, encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
  });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /DOCKER_HOST=unix:\/\/\/nonexistent\/docker.sock does not answer/);
});

test('when the port is taken, the server says so, names PORT= as the way out, and exits non-zero', async () => {
  const blocker = net.createServer().listen(0, '0.0.0.0');
  await new Promise((r) => blocker.once('listening', r));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { cwd: root, env: { ...process.env, PORT: String(port), NODE_ENV: 'production' } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`port ${port} is already in use`));
    assert.match(stderr, /PORT=3001 npm start/);
  } finally {
    blocker.close();
  }
});
