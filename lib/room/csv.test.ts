import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, toCsv } from './csv';

test('names with commas, quotes and line breaks are quoted; plain ones are not', () => {
  assert.equal(csvField('Ada Lovelace'), 'Ada Lovelace');
  assert.equal(csvField('Lovelace, Ada'), '"Lovelace, Ada"');
  assert.equal(csvField('Ada "the first" L.'), '"Ada ""the first"" L."');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(' padded '), '" padded "');
  assert.equal(csvField(''), '');
  assert.equal(csvField(null), '');
  assert.equal(csvField(7), '7');
  assert.equal(csvField(-1), '-1', 'numbers are ours, never a formula');
});

test('text a spreadsheet would run as a formula gets a leading apostrophe', () => {
  assert.equal(csvField('=HYPERLINK("http://evil.example","x")'), '"\'=HYPERLINK(""http://evil.example"",""x"")"');
  assert.equal(csvField('+1 555'), "'+1 555");
  assert.equal(csvField('-rm'), "'-rm");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('\t=1'), "'\t=1");
  assert.equal(csvField('a=b'), 'a=b', 'only at the start');
});

test('a file is a BOM, then CRLF-separated rows', () => {
  assert.equal(toCsv([['Name', 'Steps'], ['Lovelace, Ada', 3]]), '\uFEFFName,Steps\r\n"Lovelace, Ada",3\r\n');
});
