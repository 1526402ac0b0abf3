import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseChecks } from './check-schema';

test('a check gets state sandbox unless it says workspace; titles and hints are trimmed', () => {
  const checks = parseChecks('- id: a\n  title: " A "\n  script: "true"\n  hint: Do a.\n- id: b-2\n  title: B\n  script: |\n    test -f x\n  hint: Make x.\n  state: workspace\n', 'checks.yaml');
  assert.deepEqual(checks, [
    { id: 'a', title: 'A', script: 'true', hint: 'Do a.', state: 'sandbox' },
    { id: 'b-2', title: 'B', script: 'test -f x\n', hint: 'Make x.', state: 'workspace' },
  ]);
});

test('an empty file, a file that is not a list, or a check without a hint is refused with the file and the field', () => {
  assert.throws(() => parseChecks('', 'labs/x/checks.yaml'), { message: 'labs/x/checks.yaml: (the file): declares no check: every step has at least one' });
  assert.throws(() => parseChecks('id: a\n', 'c.yaml'), /^Error: c\.yaml: \(the file\): Invalid input: expected array/);
  assert.throws(() => parseChecks('- id: a\n  title: A\n  script: "true"\n', 'c.yaml'), /c\.yaml: 0\.hint: Invalid input/);
  assert.throws(() => parseChecks(`- id: ${'a'.repeat(65)}\n  title: A\n  script: "true"\n  hint: h\n`, 'c.yaml'), /0\.id: Too big/);
});
