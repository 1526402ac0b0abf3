import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundle a TypeScript entry point of runtime/ into one file for Debian's Node 18 inside
 * containers (the host's Node 20 is not what runs there).
 */
export async function bundleForContainer(root: string, entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    write: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
