import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainBuildFailure } from './build-errors';

const syntaxLog = `Step 9/10 : COPY --chown=app:app function function
 ---> 1f2e3d
Step 10/10 : RUN python3 -c "import ast,sys; ..." $(find function -name '*.py')
 ---> Running in 0a1b2c
Traceback (most recent call last):
  File "<string>", line 1, in <module>
  File "/usr/lib/python3.11/ast.py", line 50, in parse
    return compile(source, filename, mode, flags,
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "function/handler.py", line 3
    return "Hello
           ^
SyntaxError: unterminated string literal (detected at line 3)
`;

test('a Python syntax error names the handler file and line', () => {
  const f = explainBuildFailure("The command '/bin/sh -c python3 ...' returned a non-zero code: 1", syntaxLog);
  assert.equal(f.file, 'handler.py');
  assert.equal(f.line, 3);
  assert.match(f.message, /^SyntaxError in handler.py line 3: unterminated string literal/);
  assert.match(f.excerpt, /return "Hello/);
  assert.match(f.excerpt, /\^/);
});

test('any other failure names the failing Dockerfile step and its output', () => {
  const log = `Step 1/3 : FROM base\n ---> abc\nStep 2/3 : RUN apt-get install nosuchpkg\n ---> Running in 1\nE: Unable to locate package nosuchpkg\n`;
  const f = explainBuildFailure("The command '/bin/sh -c apt-get install nosuchpkg' returned a non-zero code: 100", log);
  assert.equal(f.step, 'RUN apt-get install nosuchpkg');
  assert.equal(f.file, undefined);
  assert.match(f.message, /failed at step "RUN apt-get install nosuchpkg"/);
  assert.match(f.excerpt, /Unable to locate package nosuchpkg/);
});
