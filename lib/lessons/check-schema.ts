import { z } from 'zod';
import YAML from 'yaml';

/**
 * The checks of a lesson step, declared in `checks.yaml` beside its content.mdx and placed in
 * the page with `<Check id="…" />` (labs/README.md). One schema for every step, so the server
 * (lib/lessons/checks.ts), the compile (which puts title and hint on the page) and the content
 * test read them the same way.
 */
export const CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const checkStates = ['sandbox', 'workspace'] as const;

export const stepCheckSchema = z.object({
  id: z.string().max(64).regex(CHECK_ID, 'use lower-case letters, digits and single dashes (e.g. hello-answers)')
    .describe('Unique in the step; the MDX places the check with <Check id="…" />'),
  title: z.string().trim().min(1).max(200).describe('What the participant sees, e.g. hello-openfaas answers "Hello OpenFaaS"'),
  script: z.string().refine((s) => s.trim() !== '', 'is empty: write the bash that tests the step (exit 0 when it passed)')
    .describe("Bash run in the participant's shell in ~; exit 0 = passed; prints what it found"),
  hint: z.string().trim().min(1).max(400).describe('What to do when it fails, one or two sentences'),
  state: z.enum(checkStates).default('sandbox')
    .describe("sandbox: what it checks lives in the sandbox (functions, images, logs), so it must be redone after a reset; workspace: files only"),
}).strict();
export type StepCheck = z.infer<typeof stepCheckSchema>;

export const stepChecksSchema = z.array(stepCheckSchema).min(1, 'declares no check: every step has at least one').superRefine((checks, ctx) => {
  const seen = new Set<string>();
  checks.forEach((c, i) => {
    if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${c.id}" is declared twice: give each check of a step its own id` });
    seen.add(c.id);
  });
});

/** The checks of a checks.yaml text; a bad file throws an Error naming the file and every reason. */
export function parseChecks(text: string, file: string): StepCheck[] {
  let data: unknown;
  try {
    data = YAML.parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const r = stepChecksSchema.safeParse(data ?? []);
  if (r.success) return r.data;
  const reasons = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(the file)'}: ${i.message}`);
  throw new Error(`${file}: ${reasons.join('; ')}`);
}
