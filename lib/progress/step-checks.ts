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
 * The checks of a step, in the order checks.yaml declares them, with their state: the one place
 * progress learns them (compiled and cached by compileLesson, validated by lib/lessons/check-schema.ts).
 */
export const stepChecks: StepChecksOf = async (step) =>
  [...(await compileLesson(step.dir)).checks.values()].map((c) => ({ id: c.id, state: c.state }));
