import { test } from 'node:test';
import assert from 'node:assert/strict';
import { padRight, tabwrite } from './tabwriter';

test('cells line up per column block, padded by one, the last cell never padded', () => {
  assert.equal(tabwrite('a\tb\tc\nlonger\tx\ny\n'), 'a      b c\nlonger x\ny\n');
});

test('a line without that cell ends the block: columns below it are measured again', () => {
  assert.equal(tabwrite('Title:\tfiglet\nDescription:\t\ntext\n\nImage:\tx\n'), 'Title:       figlet\nDescription: \ntext\n\nImage: x\n');
});

test('padRight pads like Go\'s %-Ns and leaves longer text alone', () => {
  assert.equal(padRight('ab', 4), 'ab  ');
  assert.equal(padRight('abcdef', 4), 'abcdef');
});
