import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainBuildFailure } from './build-errors';

test('a failed build names the failing Dockerfile step and shows its output', () => {
  const log = `Step 1/3 : FROM base\n ---> abc\nStep 2/3 : RUN apt-get install nosuchpkg\n ---> Running in 1\nE: Unable to locate package nosuchpkg\n`;
  const f = explainBuildFailure("The command '/bin/sh -c apt-get install nosuchpkg' returned a non-zero code: 100", log);
  assert.equal(f.step, 'RUN apt-get install nosuchpkg');
  assert.match(f.message, /failed at step "RUN apt-get install nosuchpkg"/);
  assert.match(f.excerpt, /Unable to locate package nosuchpkg/);
  assert.doesNotMatch(f.excerpt, /--->/);
});

test('a failure before any step still says what the engine said', () => {
  const f = explainBuildFailure('Cannot locate specified Dockerfile: Dockerfile', '');
  assert.equal(f.step, undefined);
  assert.equal(f.message, 'The build failed: Cannot locate specified Dockerfile: Dockerfile');
});
