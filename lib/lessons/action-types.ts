/**
 * What a lesson's code block can do when the participant clicks it (grammar: labs/README.md,
 * parser: lib/lessons/actions.ts). The workbench (components/workbench/) carries them out.
 * Paths are relative to the participant's workspace (the shell's home), e.g. lab3/hello/handler.py.
 */
export type WorkbenchTab = 'editor' | 'terminal' | 'portal' | 'dashboard';

export type LessonAction =
  /** Type the block's text into the named terminal (default "1"), Enter included. */
  | { kind: 'terminal:execute'; terminal: string; command: string }
  /** Open a file in the editor, optionally at a line (1-based). */
  | { kind: 'editor:open-file'; file: string; line?: number }
  /** Replace the whole file with the block's text (made if missing), and show it. */
  | { kind: 'editor:write-file'; file: string; content: string }
  /** Add the block's lines at the end of the file, and show them. */
  | { kind: 'editor:append-lines'; file: string; content: string }
  /** Replace the first occurrence of `match` (plain text) in the file with the block's text, and show it. */
  | { kind: 'editor:replace'; file: string; match: string; content: string }
  /** Switch the workbench to a tab. */
  | { kind: 'workbench:tab'; tab: WorkbenchTab }
  /**
   * A `<Check id />` of the page (declared in the step's checks.yaml, run on the server). No code
   * block makes one any more; the compile tells it in the order of the page (LessonBlock).
   */
  | { kind: 'check'; id: string };

export type ActionKind = LessonAction['kind'];

/** What the workbench answers to an action: done, or why not (shown beside the block). */
export type ActionResult = { ok: true; message?: string } | { ok: false; message: string };
