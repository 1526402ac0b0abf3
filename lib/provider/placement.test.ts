import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowedConstraint, placementConstraints } from './placement';

test("a participant may ask only for the node's OS or architecture", () => {
  for (const ok of ['node.platform.os == linux', 'node.platform.os==linux', ' node.platform.arch != aarch64 ', 'node.platform.arch == x86_64']) assert.equal(isAllowedConstraint(ok), true, ok);
  for (const no of ['node.role == manager', 'node.role==worker', 'node.hostname == workshop', 'node.id == abc', 'node.labels.zone == a',
    'engine.labels.x == y', 'node.platform.os == linux || node.role == manager', 'node.platform.os == linux\nnode.role == manager', 'node.platform.os ==', '']) {
    assert.equal(isAllowedConstraint(no), false, JSON.stringify(no));
  }
});

test("Swarm gets the platform's placement first, then the participant's, without repeats", () => {
  assert.deepEqual(placementConstraints(undefined), ['node.platform.os == linux']);
  assert.deepEqual(placementConstraints(['node.platform.os==linux', ' node.platform.arch == x86_64', 'node.platform.arch==x86_64']), ['node.platform.os == linux', 'node.platform.arch == x86_64']);
});
