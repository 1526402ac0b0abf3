'use client';

import type { OpenTerminal } from '@/components/terminal/open-terminal';
import type { ActionResult, LessonAction } from '@/lib/lessons/action-types';
import type { EditorApi } from './editor-bridge';

type Bench = {
  terminal: (name: string) => Promise<OpenTerminal>;
  openEditor: () => Promise<EditorApi>;
  show: (tab: string) => boolean;
};

/** Carry out one lesson action on the workbench, and say what was done (or why not). */
export async function runAction(a: LessonAction, bench: Bench): Promise<ActionResult> {
  switch (a.kind) {
    case 'terminal:execute': {
      const t = await bench.terminal(a.terminal);
      // Each line as if typed and followed by Enter; the participant sees it in the terminal.
      t.type(`${a.command.replace(/\s+$/, '').split('\n').join('\r')}\r`);
      t.focus();
      return { ok: true, message: `Sent to terminal ${a.terminal}` };
    }
    case 'editor:open-file': return { ok: true, message: await (await bench.openEditor()).openFile(a.file, a.line) };
    case 'editor:write-file': return { ok: true, message: await (await bench.openEditor()).writeFile(a.file, a.content) };
    case 'editor:append-lines': return { ok: true, message: await (await bench.openEditor()).appendLines(a.file, a.content) };
    case 'editor:replace': return { ok: true, message: await (await bench.openEditor()).replace(a.file, a.match, a.content) };
    case 'workbench:tab':
      return bench.show(a.tab) ? { ok: true, message: `Showing the ${a.tab} tab` } : { ok: false, message: `There is no ${a.tab} tab yet in this workbench.` };
    case 'check': return { ok: false, message: 'Checks run from the lesson itself.' };
  }
}
