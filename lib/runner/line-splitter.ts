import { StringDecoder } from 'node:string_decoder';

// Colours and cursor moves the CLI may print: a log line shows text only.
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;

/**
 * Cut a stream of output chunks into lines (a chunk may end mid-line or mid-character);
 * `end()` hands over what is left.
 */
export function lineSplitter(onLine: (line: string) => void): { push: (chunk: string | Buffer) => void; end: () => void } {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const emit = (text: string) => { for (const l of text.split(/\r?\n/)) if (l.trim()) onLine(l.replace(ANSI, '').trimEnd()); };
  return {
    push: (chunk) => {
      rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      const cut = rest.lastIndexOf('\n');
      if (cut < 0) return;
      emit(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    },
    end: () => { rest += decoder.end(); emit(rest); rest = ''; },
  };
}
