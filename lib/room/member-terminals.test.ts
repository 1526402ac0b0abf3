import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerminals } from './member-terminals';

test('the workbench\'s terminals by name, the most recently active one as latest', () => {
  const out = 'main\t1765100000\t1\nt3\t1765100050\t0\nt2\t1765100020\t2\n';
  const r = parseTerminals(out);
  assert.deepEqual(r.terminals.map((t) => [t.name, t.clients]), [['1', 1], ['2', 2], ['3', 0]]);
  assert.equal(r.latest, '3');
  assert.equal(r.terminals[0].lastActiveAt, 1765100000_000);
});

test('sessions made by hand and anything else the shell prints are left out; none open → "1"', () => {
  const r = parseTerminals('Welcome to my .bashrc\nmine\t1\t0\nt9\t5\t0\nt1\t5\t0\nt2 \t5\t0\nt2\tlater\t0\n');
  assert.deepEqual(r.terminals, []);
  assert.equal(r.latest, '1');
  assert.equal(parseTerminals('').latest, '1');
});

test('a tie in tmux\'s whole seconds goes to the newer terminal', () => {
  assert.equal(parseTerminals('main\t100\t1\nt2\t100\t1\n').latest, '2');
});
