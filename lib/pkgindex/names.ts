/**
 * Names in a Python package index: project names (PEP 503), wheel file names (PEP 427 / the
 * binary distribution format spec) and the checks the index server applies to request paths.
 */

/** PEP 503 normalised project name: runs of `-`, `_`, `.` become one `-`, lower case. */
export function normalizeProject(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** The distribution part of a wheel or .dist-info name: runs of `-`, `_`, `.` become `_`, lower case. */
export function wheelDistName(name: string): string {
  return name.replace(/[-_.]+/g, '_').toLowerCase();
}

/** The version part of a wheel file name: `-` is not allowed there, `_` stands for it. */
export function wheelVersion(version: string): string {
  return version.replace(/-/g, '_');
}

/** `name-version-py3-none-any.whl` for a pure-Python wheel. */
export function wheelFileName(name: string, version: string): string {
  return `${wheelDistName(name)}-${wheelVersion(version)}-py3-none-any.whl`;
}

/** `name-version.dist-info`, the metadata folder inside that wheel. */
export function distInfoDir(name: string, version: string): string {
  return `${wheelDistName(name)}-${wheelVersion(version)}.dist-info`;
}

/** A valid (normalised) project name as it appears in /simple/<project>/. */
export function isNormalizedProject(name: string): boolean {
  return name.length <= 100 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) && !name.includes('--');
}

/**
 * A project name as a client may send it (any case, `_` or `.`): PEP 508 names are letters,
 * digits, `-`, `_` and `.`, starting and ending with a letter or digit.
 */
export function isProjectName(name: string): boolean {
  return name.length <= 100 && /^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(name);
}

/** A file name the index may serve: one path segment, no dot-dot, a known archive suffix. */
export function isServableFileName(name: string): boolean {
  return name.length <= 200
    && /^[A-Za-z0-9][A-Za-z0-9._+-]*\.(whl|tar\.gz|tgz)$/.test(name)
    && !name.includes('..');
}

/**
 * A Debian package's upstream version: no epoch (`1:`), no Debian revision (`-1+deb12u1`),
 * no repack suffix (`+dfsg`, `+ds`). Used only for `>=` bounds taken from Depends.
 */
export function debianUpstreamVersion(version: string): string {
  const noEpoch = version.replace(/^\d+:/, '');
  const noRevision = noEpoch.includes('-') ? noEpoch.slice(0, noEpoch.lastIndexOf('-')) : noEpoch;
  return noRevision.replace(/[+~].*$/, '');
}

export type DebDependency = { pkg: string; op?: string; version?: string };

/**
 * Parse a Debian `Depends:` value into its first alternatives (`a | b` keeps `a`), dropping
 * architecture qualifiers (`python3:any`).
 */
export function parseDebDepends(value: string): DebDependency[] {
  const out: DebDependency[] = [];
  for (const part of value.split(',')) {
    const first = part.split('|')[0].trim();
    if (!first) continue;
    const m = /^([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9-]+)?\s*(?:\(\s*(<<|<=|=|>=|>>)\s*([^)\s]+)\s*\))?/.exec(first);
    if (!m) continue;
    out.push(m[2] ? { pkg: m[1], op: m[2], version: m[3] } : { pkg: m[1] });
  }
  return out;
}

/**
 * A PEP 508 requirement for a Debian dependency on a package whose Python name is `project`.
 * Only lower bounds are carried over (Debian's upper bounds are about Debian revisions).
 */
export function requirementFromDeb(dep: DebDependency, project: string): string {
  if ((dep.op === '>=' || dep.op === '>>' || dep.op === '=') && dep.version) {
    const v = debianUpstreamVersion(dep.version);
    if (/^\d+(\.\d+)*$/.test(v)) return `${project}>=${v}`;
  }
  return project;
}

/** The project name a PEP 508 requirement line starts with (`urllib3>=1.21; extra == "x"` → `urllib3`). */
export function requirementName(requirement: string): string {
  return /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement)?.[1] ?? '';
}
