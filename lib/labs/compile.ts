import fs from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { parseChecks, type StepCheck } from '../lessons/check-schema';
import { remarkLessonCode, type LessonBlock } from '../lessons/remark-lesson-code';

/** A compiled step: the MDX bundle, its code blocks and placed checks in order, and its checks by id (from checks.yaml). */
export type CompiledStep = { code: string; blocks: readonly LessonBlock[]; checks: ReadonlyMap<string, StepCheck> };

type Cached = CompiledStep & { stamp: string };

/** A step's checks.yaml, read and validated; a missing or bad file throws with the file and the reason. */
export function readStepChecks(stepDir: string): StepCheck[] {
  const file = path.join(stepDir, 'checks.yaml');
  const name = path.relative(process.cwd(), file);
  if (!fs.existsSync(file)) throw new Error(`${name}: missing: every step declares its checks in a checks.yaml beside content.mdx (labs/README.md, "Checks").`);
  return parseChecks(fs.readFileSync(file, 'utf8'), name);
}
const key = Symbol.for('faaslab.mdx');
type Holder = { [key]?: Map<string, Cached> };

/**
 * Compile a step's content.mdx with mdx-bundler, cached until it or checks.yaml changes (the first
 * compile in a process costs ~0.3 s, later ones ~15 ms; cached ones nothing). Every fenced code
 * block becomes a <LessonCode>; a block the action grammar refuses fails the compile with the
 * file, line and what to write instead.
 */
export async function compileLesson(stepDir: string): Promise<CompiledStep> {
  const g = globalThis as Holder;
  g[key] ??= new Map();
  const file = path.join(stepDir, 'content.mdx');
  const checksFile = path.join(stepDir, 'checks.yaml');
  const stamp = [file, checksFile].map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : -1)).join(':');
  const hit = g[key].get(file);
  if (hit && hit.stamp === stamp) return hit;
  const checks = new Map(readStepChecks(stepDir).map((c) => [c.id, c] as const));
  const blocks: LessonBlock[] = [];
  const problems: string[] = [];
  const plugin = [remarkLessonCode, {
    file: path.relative(process.cwd(), file),
    checks,
    checksFile: path.relative(process.cwd(), checksFile),
    onBlock: (b: LessonBlock) => blocks.push(b),
    onProblem: (message: string) => problems.push(message),
  }] as const;
  let code: string;
  try {
    ({ code } = await bundleMDX({
      source: fs.readFileSync(file, 'utf8'),
      cwd: stepDir,
      mdxOptions(options) {
        // `as never`: the plugin types only the little of mdast it reads, unified wants its Root
        options.remarkPlugins = [...(options.remarkPlugins ?? []), plugin as never];
        return options;
      },
      esbuildOptions: (options) => ({ ...options, logLevel: 'silent' }),
    }));
  } catch (err) {
    // esbuild wraps a plugin's error in its own text; the author needs only ours.
    if (problems.length) throw new Error(problems[0], { cause: err });
    throw err;
  }
  const compiled = { code, blocks, checks, stamp };
  g[key].set(file, compiled);
  return compiled;
}

/** The MDX bundle of a step (see compileLesson). */
export async function compileStep(stepDir: string): Promise<string> {
  return (await compileLesson(stepDir)).code;
}
