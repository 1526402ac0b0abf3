import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { FOLDER, labMetaSchema, stepFrontmatterSchema, type LabInfo, type StepInfo } from './schema';

/** Split `---\nyaml\n---\nbody` into its parts. */
export function splitFrontmatter(source: string): { data: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!m) return { data: {}, body: source };
  return { data: YAML.parse(m[1]) ?? {}, body: source.slice(m[0].length) };
}

function folders(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && FOLDER.test(e.name)).map((e) => e.name).sort();
}

function invalid(file: string, err: unknown): Error {
  const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  const detail = issues ? issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') : String(err);
  return new Error(`${file}: ${detail}`);
}

/**
 * Every lab and its steps, from the folders under labs/. Content errors (bad frontmatter, a
 * missing lab.yaml) name the file and field, so a content author sees exactly what to fix.
 */
export function loadCatalogue(labsDir: string): LabInfo[] {
  return folders(labsDir).map((labSlug) => {
    const dir = path.join(labsDir, labSlug);
    const metaFile = path.join(dir, 'lab.yaml');
    const meta = labMetaSchema.safeParse(YAML.parse(fs.readFileSync(metaFile, 'utf8')));
    if (!meta.success) throw invalid(metaFile, meta.error);
    const steps: StepInfo[] = folders(dir).map((stepSlug) => {
      const file = path.join(dir, stepSlug, 'content.mdx');
      const fm = stepFrontmatterSchema.safeParse(splitFrontmatter(fs.readFileSync(file, 'utf8')).data);
      if (!fm.success) throw invalid(file, fm.error);
      return { ...fm.data, slug: stepSlug, dir: path.join(dir, stepSlug) };
    });
    return { ...meta.data, slug: labSlug, dir, steps };
  });
}

/** Find a step by its URL slugs; null when either does not exist (never a path join of input). */
export function findStep(labs: LabInfo[], labSlug: string, stepSlug: string): { lab: LabInfo; step: StepInfo; index: number } | null {
  const lab = labs.find((l) => l.slug === labSlug);
  const index = lab?.steps.findIndex((s) => s.slug === stepSlug) ?? -1;
  return lab && index >= 0 ? { lab, step: lab.steps[index], index } : null;
}
