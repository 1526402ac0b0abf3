import { AppError } from '../errors';

/**
 * Whether a requirements.txt lists anything pip would install: any line that is neither blank
 * nor a comment. Mirrors `lists_packages` in templates/python3{,-http}/install-requirements.sh (the
 * unit tests run both on the same inputs).
 */
export function listsRequirements(text: string): boolean {
  return text.split(/\r?\n/).some((line) => !/^\s*(#[^\n]*)?$/.test(line));
}

/**
 * The names under "dependencies" in a handler's package.json, or an `invalid` AppError naming
 * the problem (a JSON error would otherwise surface as a failed RUN step deep in the build log).
 */
export function packageDependencies(text: string, file = 'package.json'): string[] {
  let pkg: unknown;
  try {
    pkg = JSON.parse(text);
  } catch (err) {
    throw new AppError('invalid', `${file} is not valid JSON: ${(err as Error).message}`, { hint: `Fix ${file}; it must be one JSON object, e.g. {"dependencies": {}}.` });
  }
  if (!pkg || typeof pkg !== 'object' || Array.isArray(pkg)) {
    throw new AppError('invalid', `${file} must be a JSON object.`, { hint: 'e.g. {"name": "my-function", "dependencies": {}}' });
  }
  const deps = (pkg as { dependencies?: unknown }).dependencies;
  if (deps === undefined) return [];
  if (!deps || typeof deps !== 'object' || Array.isArray(deps)) {
    throw new AppError('invalid', `"dependencies" in ${file} must be an object of package names to versions.`, { hint: 'e.g. "dependencies": {"left-pad": "^1.3.0"}' });
  }
  return Object.keys(deps);
}

/** A failed dependency install, in the package manager's own words, from a build log. */
export type DependencyFailure = {
  tool: 'pip' | 'npm';
  packageName?: string;
  /** pip's or npm's own line (or the template's, when there is no index to ask). */
  message: string;
  /** The platform has no package index configured (the templates say so in the log). */
  noIndex: boolean;
  /** The package is there, but no version of it matches the range asked for (npm's ETARGET). */
  noMatchingVersion?: boolean;
};

export function explainDependencyFailure(rawLog: string): DependencyFailure | null {
  // The classic builder colours a RUN step's stderr (ESC[91m … ESC[0m), where pip and npm write.
  // eslint-disable-next-line no-control-regex
  const log = rawLog.replace(/\x1b\[[0-9;]*m/g, '');
  const found = findFailure(log);
  return found && { ...found, noIndex: /no (package index|npm registry) is configured|npm could not be fetched from the workshop's npm registry/i.test(log) };
}

function findFailure(log: string): Omit<DependencyFailure, 'noIndex'> | null {
  const pip = /^ERROR: No matching distribution found for (\S+)/m.exec(log);
  if (pip) return { tool: 'pip', packageName: pip[1], message: pip[0] };
  // npm 10 and later begin their lines with "npm error", older ones with "npm ERR!".
  const npm404 = /^npm (?:ERR!|error) 404 +'(@?[^'@\s]+)(?:@[^'\s]*)?' is not in this registry\./m.exec(log) ?? /^npm (?:ERR!|error) 404 Not Found - GET \S+\/([^/\s]+)/m.exec(log);
  if (npm404) {
    // The workshop's registry says which packages it has: the clearer message.
    const ours = /^npm (?:ERR!|error) 404 Not Found - GET \S+ - (\S+ is not in this workshop's offline npm registry.*)$/m.exec(log);
    return { tool: 'npm', packageName: decodeURIComponent(npm404[1]), message: ours?.[1] ?? npm404[0] };
  }
  const noVersion = /^npm (?:ERR!|error) notarget No matching version found for (@?[^@\s]+)@.*$/m.exec(log);
  if (noVersion) return { tool: 'npm', packageName: noVersion[1], message: noVersion[0].replace(/^npm (?:ERR!|error) notarget /, ''), noMatchingVersion: true };
  const noRegistry = /^Cannot install (.+?): (?:no npm registry is configured|npm could not be fetched).*$/m.exec(log);
  if (noRegistry) return { tool: 'npm', packageName: noRegistry[1].split(' ')[0], message: noRegistry[0] };
  const pipOther = /^ERROR: .*$/m.exec(log);
  if (pipOther && /pip|requirement|distribution/i.test(pipOther[0])) return { tool: 'pip', message: pipOther[0] };
  const npmOther = /^npm (?:ERR!|error) (?:code|errno) .*$/m.exec(log);
  if (npmOther) return { tool: 'npm', message: npmOther[0] };
  return null;
}
