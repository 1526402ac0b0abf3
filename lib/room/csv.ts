/**
 * CSV as spreadsheets read it (RFC 4180): fields with a comma, quote, CR or LF are quoted, quotes
 * doubled, rows end in CRLF. Text that a spreadsheet would run as a formula (starting with = + - @,
 * or a tab or CR, which some programs strip before looking) gets a leading ' — a participant
 * chooses their own display name, and `=HYPERLINK(…)` must stay text in the instructor's sheet.
 * Numbers are written as they are (a negative number is not text, and is never user input).
 */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a byte-order mark first, so Excel reads the names as UTF-8 (LibreOffice and Sheets ignore it). */
export function toCsv(rows: CsvValue[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
