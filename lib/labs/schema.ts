import { z } from 'zod';

export const labMetaSchema = z.object({
  title: z.string().min(1).describe('Lab title shown in the catalogue'),
  summary: z.string().min(1).describe('One or two sentences: what the participant will do'),
  minutes: z.number().int().positive().describe('Typical time to complete'),
});
export type LabMeta = z.infer<typeof labMetaSchema>;

export const stepFrontmatterSchema = z.object({
  title: z.string().min(1).describe('Step title'),
  summary: z.string().min(1).describe('One sentence: what this step does'),
  minutes: z.number().int().positive().optional(),
});
export type StepFrontmatter = z.infer<typeof stepFrontmatterSchema>;

/** A lesson folder name: two-digit order, then a slug (educates-style numbered steps). */
export const FOLDER = /^(\d{2})-([a-z0-9-]+)$/;

export type StepInfo = StepFrontmatter & { slug: string; dir: string };
export type LabInfo = LabMeta & { slug: string; dir: string; steps: StepInfo[] };
