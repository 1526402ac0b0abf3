import { z } from 'zod';
import { AppError } from '../errors';
import { findStep } from '../labs/catalogue';
import { compileLesson } from '../labs/compile';
import type { LabInfo } from '../labs/schema';
import type { StepCheck } from './check-schema';
import { ensureSandbox, type SandboxDeps } from '../sandbox/provision';
import { execInShell } from '../sandbox/shell-exec';

export const checkRequestSchema = z.object({
  lab: z.string().min(1).max(100).describe('Lab folder, e.g. 03-functions'),
  step: z.string().min(1).max(100).describe('Step folder, e.g. 03-build-deploy-invoke'),
  id: z.string().min(1).max(64).describe("The check's id in that step's checks.yaml"),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;

/** What the participant sees: passed or not, what the script printed and, when it failed, the check's hint. */
export type CheckResult = { passed: boolean; output: string; hint?: string };

/** How a check reaches the participant's shell: execInShell, bound to their sandbox. */
export type ShellExec = (command: string, opts: { env: string[] }) => Promise<{ code: number; stdout: string; stderr: string }>;

export const CHECK_TIMEOUT_SECONDS = 30;
/** How much of what a check printed is shown: the end of it, where the reason is. */
export const CHECK_OUTPUT_CHARS = 4096;

/**
 * The checks of a step of the catalogue, in the order of its checks.yaml (validated by the
 * compile, which also makes sure each is placed on the page); null when there is no such step.
 * The step is looked up by slug, never by a path made of input.
 */
export async function findStepChecks(catalogue: LabInfo[], lab: string, step: string): Promise<StepCheck[] | null> {
  const found = findStep(catalogue, lab, step);
  return found ? [...(await compileLesson(found.step.dir)).checks.values()] : null;
}

/** The check `id` of a step (see findStepChecks); not_found for an unknown lab, step or id. */
export async function findCheck(catalogue: LabInfo[], lab: string, step: string, id: string): Promise<StepCheck> {
  const checks = await findStepChecks(catalogue, lab, step);
  if (!checks) throw new AppError('not_found', `There is no step ${lab}/${step}.`, { hint: 'Reload the page: the lessons may have changed.' });
  const check = checks.find((c) => c.id === id);
  if (!check) throw new AppError('not_found', `Step ${lab}/${step} has no check "${id}".`, { hint: 'Reload the page: the lesson may have changed.' });
  return check;
}

/** The end of a long text, marked as cut. */
export function tail(text: string, max = CHECK_OUTPUT_CHARS): string {
  return text.length <= max ? text : `…${text.slice(-max)}`;
}

/**
 * Run a check script with bash in the participant's shell, in the workspace, as the terminal
 * would; it passed when it exits 0. What it prints (stdout and stderr as they came) is what the
 * participant reads, so a check says what is wrong and what to do. The script goes in an
 * environment variable, so no quoting can break it; `timeout` stops it in the shell, and if
 * even that does not come back we stop waiting.
 */
export async function runCheck(exec: ShellExec, script: string, opts: { timeoutSeconds?: number; graceMs?: number } = {}): Promise<CheckResult> {
  const { timeoutSeconds = CHECK_TIMEOUT_SECONDS, graceMs = 15_000 } = opts;
  const command = `timeout -k 5 ${timeoutSeconds} bash -c "$FAASLAB_CHECK" 2>&1 </dev/null`;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('timeout', `The check did not finish in ${timeoutSeconds} s.`, { hint: 'Try again in a moment; if it keeps happening, reload the page.' })), timeoutSeconds * 1000 + graceMs);
  });
  try {
    const r = await Promise.race([exec(command, { env: [`FAASLAB_CHECK=${script}`] }), late]);
    let output = `${r.stdout}${r.stderr}`.trim();
    if (r.code === 124 || r.code === 137) output = `${output}\n(The check was stopped after ${timeoutSeconds} s.)`.trim();
    return { passed: r.code === 0, output: tail(output) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A participant's check of a step: found in the lesson first, then run in their sandbox (made
 * if needed); a failed one carries the check's hint, what to do next.
 */
export async function runStepCheck(deps: SandboxDeps, catalogue: LabInfo[], participantId: string, req: CheckRequest, opts?: { timeoutSeconds?: number }): Promise<CheckResult> {
  const check = await findCheck(catalogue, req.lab, req.step, req.id);
  const sandbox = await ensureSandbox(deps, participantId);
  const r = await runCheck((command, o) => execInShell(deps.engine, sandbox.instance, sandbox.id, command, o), check.script, opts);
  return r.passed ? r : { ...r, hint: check.hint };
}
