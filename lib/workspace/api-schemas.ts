import { z } from 'zod';

/**
 * Bodies of the workspace file API (app/api/workspace/*), checked at the boundary. Paths are
 * strings here; pathParts (safe-path.ts) decides which ones are allowed, with the reason.
 */
const relPath = z.string().max(1000).describe('A relative POSIX path in the workspace, such as hello/handler.py');

export const saveSchema = z.object({
  path: relPath,
  content: z.string({ error: 'The editor only saves text: "content" must be a string.' }).describe('The whole new content (UTF-8 text)'),
  baseVersion: z.string().max(64).nullable().describe('The version the editor loaded; null: a new file, which must not exist yet'),
  force: z.boolean().optional().describe('Overwrite whatever is on disk'),
});
export type SaveInput = z.infer<typeof saveSchema>;

export const entrySchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('mkdir'), path: relPath }).describe('Make a folder (and its parents); it must not exist'),
  z.object({ op: z.literal('rename'), from: relPath, to: relPath }).describe('Rename or move an entry; `to` must not exist'),
], { error: 'Send { "op": "mkdir", "path": … } or { "op": "rename", "from": …, "to": … }.' });
export type EntryInput = z.infer<typeof entrySchema>;
