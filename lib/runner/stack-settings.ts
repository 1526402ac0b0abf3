import fs from 'node:fs';
import { loadEnvironmentFiles, StackError, validateStack, type StackFunction } from '../stack';
import type { Workspace } from '../workspace/files';

export type StackSettings = { file: string; fn: StackFunction };

/**
 * The participant's own settings for a function from the stack files at the top of their
 * workspace (what `faas-cli new` wrote, with whatever they added: environment, labels,
 * secrets, limits…), so that the lesson's Run deploys the function as `faas-cli up` would and
 * does not drop them. `${VAR:-default}` takes its default (the web app has no shell
 * environment). A stack file that does not parse is reported through `warn` and skipped.
 */
export async function stackSettings(ws: Workspace, fn: string, warn: (line: string) => void): Promise<StackSettings | null> {
  const files = fs.readdirSync(ws.root).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    let text: string | null;
    try {
      text = ws.read(file);
    } catch {
      continue; // too large, a folder, a link: not a stack file of theirs
    }
    if (!text || !/^functions\s*:/m.test(text)) continue;
    const { stack, errors } = validateStack(text, { file, env: {} });
    if (!stack) {
      if (new RegExp(`^\\s+${fn}\\s*:`, 'm').test(text)) warn(`${errors[0]?.toString() ?? `${file} does not parse`} — deploying ${fn} with the template's defaults.`);
      continue;
    }
    if (!stack.functions[fn]) continue;
    try {
      const merged = await loadEnvironmentFiles(stack, (rel) => {
        const content = ws.read(rel);
        if (content === null) throw new Error(`${rel} not found`);
        return content;
      });
      return { file, fn: merged.functions[fn] };
    } catch (err) {
      warn(`${err instanceof StackError ? err.toString() : (err as Error).message} — deploying ${fn} without ${file}'s environment_file.`);
      return { file, fn: stack.functions[fn] };
    }
  }
  return null;
}
