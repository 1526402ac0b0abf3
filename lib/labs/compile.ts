import fs from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { remarkLessonCode, type LessonBlock } from '../lessons/remark-lesson-code';

/** A compiled step: the MDX bundle, its code blocks in order, and its check scripts by id. */
export type CompiledStep = { code: string; blocks: readonly LessonBlock[]; checks: ReadonlyMap<string, string> };

type Cached = CompiledStep & { mtimeMs: number };
const key = Symbol.for('faaslab.mdx');
type Holder = { [key]?: Map<string, Cached> };

/**
 * Compile a step's content.mdx with mdx-bundler, cached until the file changes (the first
 * compile in a process costs ~0.3 s, later ones ~15 ms; cached ones nothing). Every fenced code
 * block becomes a <LessonCode>; a block the action grammar refuses fails the compile with the
 * file, line and what to write instead.
 */
export async function compileLesson(stepDir: string): Promise<CompiledStep> {
  const g = globalThis as Holder;
  g[key] ??= new Map();
  const file = path.join(stepDir, 'content.mdx');
  const { mtimeMs } = fs.statSync(file);
  const hit = g[key].get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit;
  const blocks: LessonBlock[] = [];
  const problems: string[] = [];
  const plugin = [remarkLessonCode, {
    file: path.relative(process.cwd(), file),
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
  const checks = new Map(blocks.flatMap((b) => (b.action?.kind === 'check' ? [[b.action.id, b.code] as const] : [])));
  const compiled = { code, blocks, checks, mtimeMs };
  g[key].set(file, compiled);
  return compiled;
}

/** The MDX bundle of a step (see compileLesson). */
export async function compileStep(stepDir: string): Promise<string> {
  return (await compileLesson(stepDir)).code;
}
