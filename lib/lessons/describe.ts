import type { LessonAction, WorkbenchTab } from './action-types';

const TAB_NAMES: Record<WorkbenchTab, string> = { editor: 'Editor', terminal: 'Terminal', portal: 'Portal', dashboard: 'Dashboard' };

const base = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/**
 * The button of a block with an action: a label that says what it does, and a title (the
 * tooltip) that says exactly what will happen, so nobody clicks to find out.
 */
export function describeAction(a: LessonAction): { label: string; title: string } {
  switch (a.kind) {
    case 'terminal:execute': {
      const many = a.command.trim().includes('\n');
      return { label: `▶ Run in terminal ${a.terminal}`, title: `Types ${many ? 'these commands' : 'this command'} into terminal ${a.terminal} and presses Enter` };
    }
    case 'editor:open-file':
      return { label: `Open ${base(a.file)}`, title: `Opens ${a.file} in the editor${a.line ? ` at line ${a.line}` : ''}` };
    case 'editor:write-file':
      return { label: 'Write file', title: `Replaces everything in ${a.file} with this text (making the file if it is missing) and shows it in the editor` };
    case 'editor:append-lines':
      return { label: `Append to ${base(a.file)}`, title: `Adds these lines at the end of ${a.file} and shows them in the editor` };
    case 'editor:replace':
      return { label: 'Apply change', title: `In ${a.file}, replaces the first "${a.match.trim()}" with this text and shows it in the editor` };
    case 'workbench:tab':
      return { label: `Go to ${TAB_NAMES[a.tab]}`, title: `Switches the workbench to the ${TAB_NAMES[a.tab]} tab` };
    case 'check':
      return { label: 'Check', title: `Runs this step's check "${a.id}" in your sandbox and tells you whether it passed` };
  }
}
