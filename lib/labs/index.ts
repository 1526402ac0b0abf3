import path from 'node:path';
import { loadCatalogue } from './catalogue';
import type { LabInfo } from './schema';

let cached: LabInfo[] | undefined;

/** The lab catalogue of this installation (re-read on every call in development). */
export function labs(root = process.cwd()): LabInfo[] {
  if (cached && process.env.NODE_ENV === 'production') return cached;
  cached = loadCatalogue(path.join(root, 'labs'));
  return cached;
}
