import { readStepChecks } from '../labs/compile';
import type { StepCheck as DeclaredCheck } from '../lessons/check-schema';
import type { StepInfo } from '../labs/schema';

/**
 * What a check proves: 'sandbox' — something running in the sandbox (a deployed function),
 * which a reset takes away; 'workspace' — the participant's files, which a reset keeps.
 */
export type CheckState = DeclaredCheck['state'];
export type StepCheck = { id: string; state: CheckState };
export type StepChecksOf = (step: StepInfo) => Promise<StepCheck[]>;

/**
 * The checks of a step, in the order checks.yaml declares them, with their state: the one place
 * progress learns them. Read from checks.yaml itself (validated by lib/lessons/check-schema.ts),
 * not by compiling the lesson's MDX: the catalogue needs every step's checks on its first render.
 */
export const stepChecks: StepChecksOf = async (step) => readStepChecks(step.dir).map((c) => ({ id: c.id, state: c.state }));
