import type { CheckResultRow, StepVisitRow } from '../db/queries';
import { FOLDER, type LabInfo } from '../labs/schema';
import type { StepCheck } from './step-checks';

/** A recorded check as a lesson shows it; `redo`: it passed in a sandbox that is no longer the participant's. */
export type CheckStatus = { passed: boolean; at: number; redo: boolean };

export type StepStatus = 'done' | 'started' | 'not-started';
export type StepProgress = {
  lab: string; step: string; title: string; number: number; href: string;
  checksTotal: number; checksPassed: number; redo: string[];
  visitedAt: number | null; done: boolean; status: StepStatus;
};
export type LabProgress = {
  lab: string; title: string; number: number; href: string; steps: StepProgress[]; stepsDone: number; stepsTotal: number;
  /** Anything opened or checked in this lab yet. */
  started: boolean;
  /** Where this lab's button goes: its step opened last, else its first step not done, else its first. */
  resume: StepProgress;
};
/** A check that passed in an old sandbox and needs running again in the new one. */
export type RedoItem = { lab: string; step: string; check: string; labNumber: number; stepNumber: number; stepTitle: string; href: string };
export type Progress = {
  labs: LabProgress[]; stepsDone: number; stepsTotal: number;
  /** Where "Continue" goes: the step visited last, or, with nothing visited, the first not done; null for a newcomer. */
  resume: StepProgress | null;
  redo: RedoItem[];
};

export type ProgressInput = {
  catalogue: LabInfo[];
  /** Each step's checks, by `lab/step`; a step missing here has none. */
  checks: ReadonlyMap<string, StepCheck[]>;
  results: CheckResultRow[];
  visits: StepVisitRow[];
  /** The participant's sandbox now (null: none), against which old passes are told apart. */
  currentSandbox: string | null;
};

/** A lab's or step's number as its folder gives it (03-functions is Lab 3), else its place. */
const numberOf = (slug: string, index: number) => Number(FOLDER.exec(slug)?.[1] ?? index + 1);

export const stepKey = (lab: string, step: string) => `${lab}/${step}`;
export const stepHref = (lab: string, step: string) => `/labs/${lab}/${step}`;

/** Whether a check that passed must be run again: it proves sandbox state and the sandbox it passed in is gone. */
export function needsRedo(check: StepCheck, result: CheckResultRow, currentSandbox: string | null): boolean {
  return check.state === 'sandbox' && result.passed_at !== null && result.passed_sandbox_id !== currentSandbox;
}

/** The recorded results of a step's checks by id (checks the lesson no longer has are left out). */
export function checkStatuses(checks: StepCheck[], results: CheckResultRow[], currentSandbox: string | null): Record<string, CheckStatus> {
  const out: Record<string, CheckStatus> = {};
  for (const check of checks) {
    const r = results.find((x) => x.check_id === check.id);
    if (r) out[check.id] = { passed: r.passed, at: r.at, redo: needsRedo(check, r, currentSandbox) };
  }
  return out;
}

/**
 * One step: done when every check has passed (in any sandbox: passes from before a reset count,
 * and are listed in `redo`), or, for a step without checks, once it was opened (reading it is
 * the work). Started: opened or checked, not done.
 */
export function stepProgress(input: Omit<ProgressInput, 'catalogue'>, lab: LabInfo, index: number): StepProgress {
  const step = lab.steps[index];
  const checks = input.checks.get(stepKey(lab.slug, step.slug)) ?? [];
  const results = input.results.filter((r) => r.lab === lab.slug && r.step === step.slug);
  const everPassed = checks.filter((c) => results.some((r) => r.check_id === c.id && r.passed_at !== null));
  const redo = checks.filter((c) => results.some((r) => r.check_id === c.id && needsRedo(c, r, input.currentSandbox))).map((c) => c.id);
  const visitedAt = input.visits.find((v) => v.lab === lab.slug && v.step === step.slug)?.at ?? null;
  const done = checks.length > 0 ? everPassed.length === checks.length : visitedAt !== null;
  const status: StepStatus = done ? 'done' : visitedAt !== null || results.length > 0 ? 'started' : 'not-started';
  return {
    lab: lab.slug, step: step.slug, title: step.title, number: numberOf(step.slug, index), href: stepHref(lab.slug, step.slug),
    checksTotal: checks.length, checksPassed: everPassed.length, redo, visitedAt, done, status,
  };
}

export function labProgress(input: Omit<ProgressInput, 'catalogue'>, lab: LabInfo, labIndex: number): LabProgress {
  const steps = lab.steps.map((_, i) => stepProgress(input, lab, i));
  const last = latestVisited(input.visits, steps);
  return {
    lab: lab.slug, title: lab.title, number: numberOf(lab.slug, labIndex), href: `/labs/${lab.slug}`, steps,
    stepsDone: steps.filter((s) => s.done).length, stepsTotal: steps.length,
    started: steps.some((s) => s.status !== 'not-started'),
    resume: last ?? steps.find((s) => !s.done) ?? steps[0],
  };
}

/** The step among these opened last (visits come latest first; ones the catalogue lacks are skipped). */
function latestVisited(visits: StepVisitRow[], steps: StepProgress[]): StepProgress | undefined {
  return visits.map((v) => steps.find((s) => s.lab === v.lab && s.step === v.step)).find((s) => s !== undefined);
}

/** Everything the catalogue, a lab's overview and the sandbox bar show of a participant's progress. */
export function summarise(input: ProgressInput): Progress {
  const labs = input.catalogue.map((lab, i) => labProgress(input, lab, i));
  const steps = labs.flatMap((l) => l.steps);
  const last = latestVisited(input.visits, steps);
  const anything = input.results.length > 0;
  const resume = last ?? (anything ? steps.find((s) => !s.done) ?? null : null);
  const redo = labs.flatMap((l) => l.steps.flatMap((s) => s.redo.map((check) => ({
    lab: s.lab, step: s.step, check, labNumber: l.number, stepNumber: s.number, stepTitle: s.title, href: s.href,
  }))));
  return { labs, stepsDone: steps.filter((s) => s.done).length, stepsTotal: steps.length, resume, redo };
}
