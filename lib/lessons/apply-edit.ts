import type { LessonAction } from './action-types';

export type EditAction = Extract<LessonAction, { kind: 'editor:write-file' | 'editor:append-lines' | 'editor:replace' }>;

export const isEdit = (a: LessonAction | null): a is EditAction =>
  a?.kind === 'editor:write-file' || a?.kind === 'editor:append-lines' || a?.kind === 'editor:replace';

/**
 * A file's text after an editor action, as the workbench's editor makes it (components/editor/
 * EditorPane.tsx): write replaces all; append adds the lines at the end, on a line of their own;
 * replace changes the first exact match. `current` is null for a missing file. The lesson tests
 * use it to follow the files through Labs 1-3; the reason is a string when the action cannot apply.
 */
export function applyEdit(current: string | null, a: EditAction): { text: string } | { error: string } {
  switch (a.kind) {
    case 'editor:write-file':
      return { text: a.content };
    case 'editor:append-lines': {
      const before = current ?? '';
      const gap = before !== '' && !before.endsWith('\n') ? '\n' : '';
      return { text: `${before}${gap}${a.content}` };
    }
    case 'editor:replace': {
      if (current === null) return { error: `${a.file} does not exist` };
      const at = current.indexOf(a.match);
      if (at < 0) return { error: `"${a.match}" is not in ${a.file}` };
      return { text: current.slice(0, at) + a.content + current.slice(at + a.match.length) };
    }
  }
}
