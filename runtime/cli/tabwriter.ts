/**
 * Go's text/tabwriter as faas-cli uses it (minwidth 0, tabwidth 0, padding 1, padchar ' ',
 * left-aligned), so tables line up exactly as faas-cli prints them: each tab-terminated cell
 * is padded to the widest cell of its column block (consecutive lines that have that cell);
 * the last cell of a line is never padded.
 */
export function tabwrite(text: string, padding = 1): string {
  const lines = text.split('\n').map((l) => l.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const width = (cell: string) => [...cell].length;

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      out.push(lines[i].map((cell, j) => (j < widths.length && j < lines[i].length - 1 ? cell + ' '.repeat(Math.max(0, widths[j] - width(cell))) : cell)).join(''));
    }
  };

  // A port of tabwriter's format(): a block per column, recursing into the next column.
  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i].length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let w = 0;
      for (; i < line1 && column < lines[i].length - 1; i++) w = Math.max(w, width(lines[i][column]) + padding);
      widths.push(w);
      format(line0, i);
      widths.pop();
      line0 = i;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** Go's fmt `%-Ns`: pad on the right to at least n characters. */
export const padRight = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
