'use client';

/** What the lesson actions ask of the editor (it loads lazily, so they wait for it). */
export type EditorApi = {
  openFile: (path: string, line?: number) => Promise<string>;
  writeFile: (path: string, content: string) => Promise<string>;
  appendLines: (path: string, content: string) => Promise<string>;
  replace: (path: string, match: string, content: string) => Promise<string>;
  focus: () => void;
};

let api: EditorApi | null = null;
let waiting: ((a: EditorApi) => void)[] = [];

export function provideEditor(a: EditorApi | null): void {
  api = a;
  if (a) { waiting.forEach((w) => w(a)); waiting = []; }
}

/** The editor once it is loaded (the caller opened its tab), or an error after `timeoutMs`. */
export function whenEditor(timeoutMs = 20_000): Promise<EditorApi> {
  if (api) return Promise.resolve(api);
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { waiting = waiting.filter((w) => w !== done); reject(new Error('The editor did not load: reload the page and try again.')); }, timeoutMs);
    const done = (a: EditorApi) => { clearTimeout(t); resolve(a); };
    waiting.push(done);
  });
}
