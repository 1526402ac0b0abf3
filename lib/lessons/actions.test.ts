import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LessonAction } from './action-types';
import { ACTION_KINDS, parseCodeBlock } from './actions';
import { describeAction } from './describe';

const action = (info: string, body = ''): LessonAction | null => {
  const r = parseCodeBlock(info, body);
  if (!r.ok) assert.fail(`${info}: ${r.error}`);
  return r.block.action;
};
const error = (info: string, body = 'x'): string => {
  const r = parseCodeBlock(info, body);
  assert.equal(r.ok, false, `${info} should be refused`);
  return (r as { error: string }).error;
};

test('a block without an action is plain code in its language (or none)', () => {
  assert.deepEqual(parseCodeBlock('sh', 'ls'), { ok: true, block: { language: 'sh', action: null } });
  assert.deepEqual(parseCodeBlock('', 'ls'), { ok: true, block: { language: '', action: null } });
  assert.deepEqual(parseCodeBlock('  text  ', ''), { ok: true, block: { language: 'text', action: null } });
});

test('terminal:execute: terminal 1 unless named; the body is the command', () => {
  assert.deepEqual(action('sh terminal:execute', 'faas-cli list'), { kind: 'terminal:execute', terminal: '1', command: 'faas-cli list' });
  assert.deepEqual(action('sh terminal:execute terminal=2', 'faas-cli logs x\nls'), { kind: 'terminal:execute', terminal: '2', command: 'faas-cli logs x\nls' });
  assert.deepEqual(action('bash terminal:execute terminal=8', 'ls'), { kind: 'terminal:execute', terminal: '8', command: 'ls' });
  assert.match(error('sh terminal:execute', '  \n'), /has no command/);
  for (const bad of ['0', '9', 'logs', '12']) assert.match(error(`sh terminal:execute terminal=${bad}`), /is not a terminal: they are numbered 1 to 8/, bad);
});

test('editor:open-file: file, and a line from 1', () => {
  assert.deepEqual(action('python editor:open-file file=lab3/hello-openfaas/handler.py line=7'), { kind: 'editor:open-file', file: 'lab3/hello-openfaas/handler.py', line: 7 });
  assert.deepEqual(action('python editor:open-file file=lab3/x.yml', 'shown only'), { kind: 'editor:open-file', file: 'lab3/x.yml' });
  for (const bad of ['0', '-3', 'seven', '1.5', '07', '9999999']) assert.match(error(`python editor:open-file file=a.py line=${bad}`), /is not a line number: write a whole number from 1/, bad);
});

test('editor:write-file and editor:append-lines: the body is the text, ending with a line break', () => {
  assert.deepEqual(action('python editor:write-file file=lab3/a/handler.py', 'def handle(req):\n    return req'),
    { kind: 'editor:write-file', file: 'lab3/a/handler.py', content: 'def handle(req):\n    return req\n' });
  assert.deepEqual(action('text editor:write-file file=lab3/a/requirements.txt', ''), { kind: 'editor:write-file', file: 'lab3/a/requirements.txt', content: '' });
  assert.deepEqual(action('yaml editor:append-lines file=lab3/a.yml', '    environment:\n      write_debug: true'),
    { kind: 'editor:append-lines', file: 'lab3/a.yml', content: '    environment:\n      write_debug: true\n' });
  assert.match(error('yaml editor:append-lines file=lab3/a.yml', ''), /no lines to add/);
});

test('editor:replace: match is plain text, quoted with spaces kept; the body replaces it as it is', () => {
  assert.deepEqual(action('python editor:replace file=lab3/h/handler.py match="    return req"', '    return "Hello OpenFaaS"'),
    { kind: 'editor:replace', file: 'lab3/h/handler.py', match: '    return req', content: '    return "Hello OpenFaaS"' });
  // a value with double quotes in it goes in single quotes, and the other way round
  assert.equal((action(`python editor:replace file=a.py match='return "x"'`) as { match: string }).match, 'return "x"');
  assert.equal((action(`python editor:replace match="it's" file=a.py`) as { match: string }).match, "it's");
  assert.equal((action('yaml editor:replace file=a.yml match=image:') as { match: string }).match, 'image:');
  assert.match(error('python editor:replace file=a.py'), /editor:replace needs match=…/);
});

test('workbench:tab: one of the tabs', () => {
  assert.deepEqual(action('text workbench:tab tab=editor'), { kind: 'workbench:tab', tab: 'editor' });
  assert.deepEqual(action('text workbench:tab tab=portal'), { kind: 'workbench:tab', tab: 'portal' });
  assert.match(error('text workbench:tab tab=browser'), /tab=browser is not a tab: use one of editor, terminal, portal, dashboard/);
  assert.match(error('text workbench:tab'), /workbench:tab needs tab=…/);
});

test('check is no longer a block: it is refused with where checks are declared now', () => {
  for (const info of ['sh check id=hello-deployed', 'sh check', 'check id=x']) {
    assert.match(error(info, 'faas-cli list'), /a check is no longer a code block: declare it in checks\.yaml beside content\.mdx .* and place it with <Check id="…" \/>/, info);
  }
});

test('quoting: unclosed quotes, glued pairs, quotes inside bare values, empty values', () => {
  assert.match(error('python editor:replace file=a.py match="return req'), /match="return req has no closing "/);
  assert.match(error('python editor:replace file=a.py match="a"line=2'), /put a space between key=value pairs/);
  assert.match(error('python editor:replace file=a.py match=a"b'), /a quote may only open a value/);
  assert.match(error('python editor:open-file file='), /file= has no value/);
  assert.match(error('python editor:open-file file=""'), /file= has no value/);
  assert.match(error('python editor:open-file ="x"'), /"=" without a key/);
  assert.match(error('python "editor:open-file"'), /unexpected quote/);
});

test('the language comes first, then the action, then its keys', () => {
  assert.match(error('terminal:execute'), /"terminal:execute" is an action, not a language: write the language first \(```sh terminal:execute\)/);
  assert.match(error('workbench:tab tab=editor'), /"workbench:tab" is an action, not a language/);
  assert.match(error('file=a.py'), /write the language first/);
  assert.match(error('sh terminal=2'), /terminal=2 needs an action before it \(e\.g\. ```sh terminal:execute terminal=2\)/);
  assert.match(error('sh terminal:execute now'), /unexpected "now" after terminal:execute: write key=value/);
});

test('unknown actions and keys are refused, naming what there is', () => {
  const msg = error('sh terminal:exec');
  assert.match(msg, /unknown action "terminal:exec": use one of terminal:execute, editor:open-file, editor:write-file, editor:append-lines, editor:replace, workbench:tab\. Did you mean terminal:execute\?/);
  assert.match(error('yaml editor:append-lines-to-file file=a.yml'), /Did you mean editor:append-lines\?/);
  assert.doesNotMatch(error('sh frobnicate'), /Did you mean/);
  assert.match(error('python editor:open-file file=a.py lines=3'), /editor:open-file has no key "lines": it takes file, line/);
  assert.match(error('sh terminal:execute session=2'), /has no key "session": it takes terminal/);
  assert.match(error('python editor:open-file file=a.py file=b.py'), /file= is given twice/);
  assert.match(error('python editor:open-file'), /editor:open-file needs file=… \(e\.g\. ```python editor:open-file file=lab3\/hello-openfaas\/handler\.py line=7\)/);
});

test('file paths: relative to the workspace, inside it, naming a file', () => {
  assert.match(error('python editor:open-file file=/home/app/lab3/h/handler.py'), /is not a workspace path: .*write file=lab3\/h\/handler\.py\./);
  assert.match(error('python editor:open-file file=/etc/passwd'), /write file=etc\/passwd\./);
  assert.match(error('python editor:open-file file=~/lab3/a.py'), /write file=lab3\/a\.py\./);
  assert.match(error('python editor:open-file file=$HOME/lab3/a.py'), /write file=lab3\/a\.py\./);
  assert.match(error('python editor:open-file file=lab3/../../etc/passwd'), /leaves the workspace with "\.\."/);
  assert.match(error('python editor:open-file file=..'), /leaves the workspace/);
  assert.match(error('python editor:write-file file=lab3/h/'), /names a folder/);
  assert.match(error('python editor:write-file file=./lab3//a.py'), /without "\." or empty parts \(file=lab3\/a\.py\)/);
  assert.match(error('python editor:write-file file=lab3\\a.py'), /use \/ between folders \(file=lab3\/a\.py\)/);
});

test('every action has a button that says what it does, and a title that says exactly what happens', () => {
  const samples: LessonAction[] = [
    { kind: 'terminal:execute', terminal: '1', command: 'ls' },
    { kind: 'terminal:execute', terminal: '2', command: 'ls\npwd' },
    { kind: 'editor:open-file', file: 'lab3/hello-openfaas/handler.py', line: 7 },
    { kind: 'editor:write-file', file: 'lab3/a/handler.py', content: '' },
    { kind: 'editor:append-lines', file: 'lab3/stack.yml', content: 'x\n' },
    { kind: 'editor:replace', file: 'lab3/a/handler.py', match: '    return req', content: 'y' },
    { kind: 'workbench:tab', tab: 'editor' },
  ];
  assert.deepEqual(new Set(samples.map((s) => s.kind)), new Set(ACTION_KINDS));
  assert.deepEqual(samples.map((s) => describeAction(s).label),
    ['▶ Run in terminal 1', '▶ Run in terminal 2', 'Open handler.py', 'Write file', 'Append to stack.yml', 'Apply change', 'Go to Editor']);
  assert.equal(describeAction(samples[1]).title, 'Types these commands into terminal 2 and presses Enter');
  assert.equal(describeAction(samples[2]).title, 'Opens lab3/hello-openfaas/handler.py in the editor at line 7');
  assert.equal(describeAction(samples[5]).title, 'In lab3/a/handler.py, replaces the first "return req" with this text and shows it in the editor');
});
