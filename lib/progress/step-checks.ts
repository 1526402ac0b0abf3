import { compileLesson } from '../labs/compile';
import type { StepInfo } from '../labs/schema';

/**
 * What a check proves: 'sandbox' — something running in the sandbox (a deployed function),
 * which a reset takes away; 'workspace' — the participant's files, which a reset keeps.
 */
export type CheckState = 'sandbox' | 'workspace';
export type StepCheck = { id: string; state: CheckState };
export type StepChecksOf = (step: StepInfo) => Promise<StepCheck[]>;

/**
 * The checks of a step, in lesson order: the one place progress learns them. For now they are
 * the ```sh check id=…``` blocks of content.mdx (compiled and cached by compileLesson), and every
 * one counts as 'sandbox' (the blocks have no state; all of today's check a deployed
 * function). When checks move to checks.yaml (lib/lessons/check-schema.ts) only this changes.
 */
export const stepChecks: StepChecksOf = async (step) =>
  [...(await compileLesson(step.dir)).checks.keys()].map((id) => ({ id, state: 'sandbox' as const }));
