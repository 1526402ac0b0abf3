import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPythonSyntax } from './preflight';

const handler = (files: Record<string, string>) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pf-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
};

test('valid Python passes', async () => {
  await checkPythonSyntax(handler({ 'handler.py': 'def handle(req):\n    return req\n', 'lib/util.py': 'X = 1\n' }));
});

test('a syntax error names the file and line and shows the line with a caret', async () => {
  await assert.rejects(checkPythonSyntax(handler({ 'handler.py': 'def handle(req):\n    x = 1\n    return "oops\n' })), (err: any) => {
    assert.equal(err.code, 'build_failed');
    assert.match(err.message, /^SyntaxError in handler.py line 3: unterminated string literal/);
    assert.equal(err.detail.line, 3);
    assert.match(err.detail.excerpt, /File "handler.py", line 3\n {4}return "oops\n {11}\^/);
    return true;
  });
});

test('an indentation error in a second module is found too', async () => {
  await assert.rejects(checkPythonSyntax(handler({ 'handler.py': 'import util\n', 'util.py': 'def f():\nreturn 1\n' })), (err: any) => {
    assert.match(err.message, /^IndentationError in util.py line 2/);
    return true;
  });
});
