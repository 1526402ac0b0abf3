import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { acceptGoBooleans, parseGoDuration, parseKeyValues, repeatable, rewriteGoBooleans } from './go-flags';

test('Go-style --flag=false works on a commander boolean that defaults to true', () => {
  const parse = (args: string[]) => {
    const p = new Command().exitOverride();
    let seen: Record<string, unknown> = {};
    const cmd = p.command('logs').argument('<name>').option('--follow', 'follow', true).option('--name', 'name').action((_n, o) => { seen = o; });
    acceptGoBooleans(cmd, ['follow', 'name']);
    p.parse(['logs', ...args], { from: 'user' });
    return seen;
  };
  assert.equal(parse(['fn']).follow, true);
  assert.equal(parse(['fn', '--follow=false']).follow, false);
  assert.equal(parse(['--follow=false', 'fn']).follow, false);
  assert.equal(parse(['fn', '--follow=true', '--name=1']).name, true);
  assert.throws(() => parse(['fn', '--follow=maybe']), /invalid argument "maybe" for "--follow" flag/);
});

test('arguments after -- are left alone', () => {
  assert.deepEqual(rewriteGoBooleans(['--x=false', '--', '--x=false'], ['x']), ['--no-x', '--', '--x=false']);
});

test('repeatable flags collect every value', () => {
  assert.deepEqual(repeatable('b=2', repeatable('a=1')), ['a=1', 'b=2']);
});

test('KEY=VALUE flags: later values win; an empty key, empty value or missing = is named', () => {
  assert.deepEqual(parseKeyValues(['a=1', 'b=x=y', ' a=2 '], 'env'), { a: '2', b: 'x=y' });
  assert.throws(() => parseKeyValues(['=1'], 'env'), /empty env name: \[=1\]/);
  assert.throws(() => parseKeyValues(['a='], 'label'), /empty label value: \[a=\]/);
  assert.throws(() => parseKeyValues(['novalue'], 'annotation'), /annotation format is not correct, needs key=value/);
});

test('Go durations as --since takes them', () => {
  assert.equal(parseGoDuration('5m'), 300_000);
  assert.equal(parseGoDuration('1h30m'), 5_400_000);
  assert.equal(parseGoDuration('1.5h'), 5_400_000);
  assert.equal(parseGoDuration('300ms'), 300);
  assert.equal(parseGoDuration('10s'), 10_000);
  assert.equal(parseGoDuration('0'), 0);
  assert.equal(parseGoDuration('5'), null);
  assert.equal(parseGoDuration('5x'), null);
  assert.equal(parseGoDuration('m'), null);
  assert.equal(parseGoDuration(''), null);
});

test('a Go flag named no-x (commander\'s negation) takes =true and =false too', () => {
  assert.deepEqual(rewriteGoBooleans(['--no-cache=true', '--no-cache=false', 'x'], [], ['no-cache']), ['--no-cache', 'x']);
});

test('without names, every boolean flag of the command takes the Go form', () => {
  let seen: Record<string, unknown> = {};
  const p = new Command().exitOverride();
  const cmd = p.command('up').option('--update', 'u', true).option('--no-cache', 'c').option('--tag <t>', 't').action((o) => { seen = o; });
  acceptGoBooleans(cmd);
  p.parse(['up', '--update=false', '--no-cache=true'], { from: 'user' });
  assert.deepEqual(seen, { update: false, cache: false });
});
