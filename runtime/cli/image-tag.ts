import { execFileSync } from 'node:child_process';
import { CliError } from './errors';

/** faas-cli's --tag formats (schema/image.go). */
export const TAG_FORMATS = ['latest', 'sha', 'branch', 'describe'] as const;
export type TagFormat = (typeof TAG_FORMATS)[number];

export function parseTagFormat(value: string | undefined): TagFormat {
  const v = (value ?? '').toLowerCase();
  if (v === '' || v === 'default' || v === 'latest') return 'latest';
  if ((TAG_FORMATS as readonly string[]).includes(v)) return v as TagFormat;
  throw new CliError(`unknown image tag format: '${value}'`, `Use --tag ${TAG_FORMATS.join(', --tag ')}.`);
}

/**
 * faas-cli's BuildImageName: `:latest` when the image names no tag, then `-<sha>`,
 * `-<branch>-<sha>` or `-<git describe>` after it (hello:latest → hello:latest-a1b2c3d).
 */
export function imageName(format: TagFormat, image: string, version = '', branch = ''): string {
  const last = image.split('/').pop() ?? image;
  const tagged = last.includes(':') ? image : `${image}:latest`;
  if (format === 'sha' || format === 'describe') return `${tagged}-${version}`;
  if (format === 'branch') return `${tagged}-${branch}-${version}`;
  return tagged;
}

export type Git = (args: string[], cwd: string) => string;

const runGit: Git = (args, cwd) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** The image name for `--tag`, asking git in the handler's folder; not a git repository is an error that says so. */
export function taggedImage(format: TagFormat, image: string, handlerDir: string, git: Git = runGit): string {
  if (format === 'latest') return imageName(format, image);
  const ask = (args: string[], what: string): string => {
    let out = '';
    let why = '';
    try {
      out = git(args, handlerDir);
    } catch (err) {
      why = String((err as { stderr?: unknown }).stderr ?? (err as Error).message).trim().split('\n')[0];
    }
    if (out) return out;
    throw new CliError(
      `cannot tag image with ${what} as ${handlerDir} is not in a Git repository${why ? ` (git: ${why})` : ''}`,
      `--tag ${format} names the image after the Git commit of the handler's folder. Commit your work first (git init && git add . && git commit -m "first"), or leave out --tag.`,
    );
  };
  if (format === 'sha') return imageName(format, image, ask(['rev-parse', '--short', 'HEAD'], 'Git SHA'));
  if (format === 'describe') return imageName(format, image, ask(['describe', '--tags', '--always'], 'Git Tag and SHA'));
  const branch = ask(['rev-parse', '--symbolic-full-name', '--abbrev-ref', 'HEAD'], 'Git branch and SHA');
  return imageName(format, image, ask(['rev-parse', '--short', 'HEAD'], 'Git SHA'), branch);
}
