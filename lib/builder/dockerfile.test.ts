import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractBuilderFlags, parseDockerfile } from './dockerfile';

const shape = (text: string) => parseDockerfile(text).map((i) => `${i.line} ${i.keyword}${i.flags.length ? ` [${i.flags.join('|')}]` : ''} ${i.args}`);

test('instructions with their first line, lower-case keyword, flags and arguments', () => {
  assert.deepEqual(shape('# a comment\nARG BASE_IMAGE\n\nfrom ${BASE_IMAGE} AS base\nCOPY --from=base --chown=app:app /a /b\n'), [
    '2 arg BASE_IMAGE',
    '4 from ${BASE_IMAGE} AS base',
    '5 copy [from=base|chown=app:app] /a /b',
  ]);
});

test('continuations join lines, skipping comment and blank lines inside them, as the engine does', () => {
  assert.deepEqual(shape('RUN echo a \\\n  # not a line\n\n  && echo b\nFROM x\n'), ['1 run echo a   && echo b', '5 from x']);
  // A line that is only a comment ends nothing: the FROM below is still part of the RUN.
  assert.deepEqual(shape('RUN echo \\\n# \\\nFROM victim\n'), ['1 run echo FROM victim']);
});

test('one CR before the newline is dropped, a second one ends the continuation (bufio.ScanLines)', () => {
  assert.deepEqual(shape('RUN echo \\\r\nFROM x\r\n'), ['1 run echo FROM x']);
  assert.deepEqual(shape('RUN echo \\\r\r\nFROM victim\n'), ['1 run echo \\', '2 from victim']);
});

test("comment lines are recognised with Go's unicode.IsSpace, not JavaScript's", () => {
  // U+FEFF is not a space to Go: that line is part of the RUN and ends it; the FROM is an instruction.
  assert.deepEqual(shape('RUN echo \\\n\uFEFF#x\nFROM victim\n'), ['1 run echo \uFEFF#x', '3 from victim']);
  // U+0085 is a space to Go: an indented comment, skipped inside the continuation.
  assert.deepEqual(shape('RUN echo \\\n\u0085# c\nFROM x\n'), ['1 run echo FROM x']);
});

test('the escape directive on the first line changes the continuation character', () => {
  assert.deepEqual(shape('# escape=`\nRUN dir c:\\ `\n  /b\nFROM x \\\nRUN y\n'), ['2 run dir c:\\   /b', '4 from x \\', '5 run y']);
});

test('an escape directive anywhere but the first line, or in a loose form, is refused', () => {
  assert.throws(() => parseDockerfile('# syntax=docker/dockerfile:1\n# escape=`\nFROM x\n'), /only accepted as the first line/);
  assert.throws(() => parseDockerfile('# escape=`x\nFROM x\n'), /only accepted as the first line/);
});

test('a continuation left open at the end of the file is refused (it would swallow the LABEL line the platform appends)', () => {
  assert.throws(() => parseDockerfile('FROM x\nLABEL io.faaslab.sandbox=other \\\n# the end\n\n'), /ends inside this instruction's line continuation/);
});

test('keywords must be ASCII (Go and JavaScript fold İ and ſ differently)', () => {
  assert.throws(() => parseDockerfile('FROM x\nONBUİLD COPY --from=victim / /\n'), /unknown instruction/);
});

test('builder flags: quotes and backslashes resolved, "--" ends them, the rest is the arguments', () => {
  assert.deepEqual(extractBuilderFlags('--from="a b" --chown=x\\ y src dst'), { flags: ['from=a b', 'chown=x y'], args: 'src dst' });
  assert.deepEqual(extractBuilderFlags('-- --from=x a'), { flags: [], args: ' --from=x a' });
  assert.deepEqual(extractBuilderFlags('--from=x'), { flags: ['from=x'], args: '' });
});

test('builder flags are split on the bytes 0x85 and 0xA0, as Go reads them, even inside a character', () => {
  // "Š" is C5 A0 in UTF-8: the engine sees two flags here, so the checker must too.
  assert.deepEqual(extractBuilderFlags('--chown=Š--from=victim a b').flags.at(-1), 'from=victim');
});
