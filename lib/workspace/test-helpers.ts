import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { Workspace } from './files';

/** Temporary folders for a test file, removed when it ends. */
const made: string[] = [];
after(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });
export const tmpDir = (label = 'ws') => { const d = fs.mkdtempSync(path.join(os.tmpdir(), `faaslab-${label}-`)); made.push(d); return d; };
export const freshWorkspace = () => new Workspace(tmpDir());

/** What a call throws, as "code: message" ('ok' when it does not), for one-line assertions. */
export function outcome(fn: () => unknown): string {
  try { fn(); return 'ok'; } catch (err) { return `${(err as { code?: string }).code}: ${(err as Error).message}`; }
}
export async function outcomeOf(fn: () => Promise<unknown>): Promise<string> {
  try { await fn(); return 'ok'; } catch (err) { return `${(err as { code?: string }).code}: ${(err as Error).message}`; }
}
