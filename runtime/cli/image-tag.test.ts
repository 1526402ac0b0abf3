import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageName, parseTagFormat, taggedImage, type Git } from './image-tag';

test("faas-cli's image names: :latest when untagged, then -sha, -branch-sha or -describe", () => {
  assert.equal(imageName('latest', 'hello-openfaas'), 'hello-openfaas:latest');
  assert.equal(imageName('latest', 'development/astronaut-finder'), 'development/astronaut-finder:latest');
  assert.equal(imageName('latest', 'hello:0.1'), 'hello:0.1');
  assert.equal(imageName('sha', 'hello', 'a1b2c3d'), 'hello:latest-a1b2c3d');
  assert.equal(imageName('branch', 'hello:0.1', 'a1b2c3d', 'main'), 'hello:0.1-main-a1b2c3d');
  assert.equal(imageName('describe', 'hello', 'v1.0-2-ga1b2c3d'), 'hello:latest-v1.0-2-ga1b2c3d');
});

test('--tag takes faas-cli\'s formats only', () => {
  assert.equal(parseTagFormat(undefined), 'latest');
  assert.equal(parseTagFormat('SHA'), 'sha');
  assert.throws(() => parseTagFormat('digest'), /unknown image tag format: 'digest'/);
});

test('--tag asks git in the handler folder; outside a repository it says so', () => {
  const calls: string[] = [];
  const git: Git = (args, cwd) => {
    calls.push(`${cwd}: git ${args.join(' ')}`);
    return args.includes('--abbrev-ref') ? 'main' : 'a1b2c3d';
  };
  assert.equal(taggedImage('branch', 'hello', './hello', git), 'hello:latest-main-a1b2c3d');
  assert.deepEqual(calls, ['./hello: git rev-parse --symbolic-full-name --abbrev-ref HEAD', './hello: git rev-parse --short HEAD']);

  const noRepo: Git = () => { throw Object.assign(new Error('failed'), { stderr: 'fatal: not a git repository (or any of the parent directories): .git\n' }); };
  assert.throws(() => taggedImage('sha', 'hello', './hello', noRepo), (err: Error & { hint?: string }) => {
    assert.equal(err.message, 'cannot tag image with Git SHA as ./hello is not in a Git repository (git: fatal: not a git repository (or any of the parent directories): .git)');
    assert.match(err.hint ?? '', /git init && git add \. && git commit/);
    return true;
  });
  assert.equal(taggedImage('latest', 'hello', './hello', noRepo), 'hello:latest');
});
