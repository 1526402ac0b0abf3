'use client';

import type { ActionResult, LessonAction } from '@/lib/lessons/action-types';

type Handler = (action: LessonAction) => Promise<ActionResult>;
let handler: Handler | null = null;

/**
 * The one line between a lesson's code blocks and the workbench beside them: the workbench
 * registers itself, a block dispatches its action and shows the answer. Module state, since
 * there is one workbench per page.
 */
export function registerWorkbench(h: Handler): () => void {
  handler = h;
  return () => { if (handler === h) handler = null; };
}

export async function dispatchAction(action: LessonAction): Promise<ActionResult> {
  if (!handler) return { ok: false, message: 'The workbench is not open yet: wait a moment and try again.' };
  try {
    return await handler(action);
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
