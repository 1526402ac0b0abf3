import { createHash } from 'node:crypto';
import { distInfoDir, requirementName, normalizeProject, wheelFileName } from './names';
import { writeZip, type ZipEntry } from './zip';

/**
 * Pure-Python wheels from files already laid out as in site-packages, per the binary
 * distribution format: the package files, then `<name>-<version>.dist-info/` with METADATA,
 * WHEEL, any extra metadata files, and RECORD (sha256 digest and size of every other file).
 */

export const WHEEL_GENERATOR = 'faaslab-pkgindex (1)';

export type WheelFile = { path: string; data: Buffer; mode?: number };

export type WheelInput = {
  name: string;
  version: string;
  /** Files relative to site-packages (e.g. `requests/api.py`, `six.py`). */
  files: WheelFile[];
  /** The METADATA text (see metadataFromEggInfo / withRequirements). */
  metadata: string;
  /** Other files for the .dist-info folder, by base name (entry_points.txt, top_level.txt…). */
  infoFiles?: Record<string, Buffer | string>;
};

export type BuiltWheel = { fileName: string; data: Buffer; sha256: string };

/** The RECORD hash of some content: `sha256=` + url-safe base64 without padding. */
export function recordDigest(data: Buffer): string {
  return `sha256=${createHash('sha256').update(data).digest('base64url')}`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RECORD content for these entries, listing RECORD itself last with empty hash and size. */
export function recordFile(entries: { name: string; data: Buffer }[], recordPath: string): string {
  const lines = entries.map((e) => `${csvField(e.name)},${recordDigest(e.data)},${e.data.length}`);
  lines.push(`${csvField(recordPath)},,`);
  return `${lines.join('\n')}\n`;
}

export function wheelFileText(): string {
  return `Wheel-Version: 1.0\nGenerator: ${WHEEL_GENERATOR}\nRoot-Is-Purelib: true\nTag: py3-none-any\n`;
}

/** Paths a wheel must not carry: absolute, dot-dot, backslashes, compiled extensions, caches. */
export function checkWheelPath(p: string): void {
  if (!p || p.startsWith('/') || p.includes('\\') || p.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw new Error(`unsafe path in wheel: ${JSON.stringify(p)}`);
  }
  if (/\.(so|pyd|dylib)$/.test(p) || /\.so\./.test(p)) throw new Error(`not pure Python: ${p} is a compiled extension`);
}

export function buildWheel(input: WheelInput): BuiltWheel {
  const info = distInfoDir(input.name, input.version);
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const entries: ZipEntry[] = [];
  for (const f of files) {
    checkWheelPath(f.path);
    if (f.path.split('/')[0].endsWith('.dist-info')) throw new Error(`unexpected metadata folder in package files: ${f.path}`);
    entries.push({ name: f.path, data: f.data, mode: f.mode && f.mode & 0o111 ? 0o755 : 0o644 });
  }
  const extra = Object.entries(input.infoFiles ?? {})
    .filter(([n]) => !['METADATA', 'WHEEL', 'RECORD', 'INSTALLER', 'REQUESTED', 'direct_url.json'].includes(n))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  entries.push({ name: `${info}/METADATA`, data: Buffer.from(input.metadata, 'utf8') });
  entries.push({ name: `${info}/WHEEL`, data: Buffer.from(wheelFileText()) });
  for (const [n, content] of extra) {
    checkWheelPath(n);
    entries.push({ name: `${info}/${n}`, data: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8') });
  }
  const recordPath = `${info}/RECORD`;
  entries.push({ name: recordPath, data: Buffer.from(recordFile(entries, recordPath)) });
  const data = writeZip(entries);
  return { fileName: wheelFileName(input.name, input.version), data, sha256: createHash('sha256').update(data).digest('hex') };
}

// --- METADATA ----------------------------------------------------------------------------

/** Split core metadata into its header block and the rest (the body after the blank line). */
function splitHeaders(metadata: string): { headers: string[]; body: string } {
  const text = metadata.replace(/\r\n/g, '\n');
  const blank = text.indexOf('\n\n');
  const head = blank < 0 ? text.replace(/\n$/, '') : text.slice(0, blank);
  const body = blank < 0 ? '' : text.slice(blank + 2);
  return { headers: head.split('\n'), body };
}

/** Every value of one header field (case-insensitive), first line only. */
export function metadataFields(metadata: string, field: string): string[] {
  const want = field.toLowerCase();
  return splitHeaders(metadata).headers
    .map((line) => /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m && m[1].toLowerCase() === want)
    .map((m) => m[2].trim());
}

export const metadataField = (metadata: string, field: string): string | undefined => metadataFields(metadata, field)[0];

/**
 * setuptools' requires.txt (egg-info) as PEP 508 `Requires-Dist` values and the extras it
 * names: `[extra]`, `[extra:marker]` and `[:marker]` sections become environment markers.
 */
export function parseRequiresTxt(text: string): { requires: string[]; extras: string[] } {
  const requires: string[] = [];
  const extras: string[] = [];
  let extra = '';
  let marker = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const section = /^\[([^\]:]*)(?::(.*))?\]$/.exec(line);
    if (section) {
      extra = section[1].trim();
      marker = (section[2] ?? '').trim();
      if (extra && !extras.includes(extra)) extras.push(extra);
      continue;
    }
    const conds = [marker && (extra ? `(${marker})` : marker), extra && `extra == "${extra}"`].filter(Boolean);
    requires.push(conds.length ? `${line}; ${conds.join(' and ')}` : line);
  }
  return { requires, extras };
}

function versionAtLeast21(v: string | undefined): boolean {
  const [maj, min] = (v ?? '1.0').split('.').map((x) => parseInt(x, 10));
  return maj > 2 || (maj === 2 && (min ?? 0) >= 1);
}

/**
 * Add header fields at the end of the header block (before the description body), raising
 * Metadata-Version to 2.1 when Requires-Dist/Provides-Extra need it.
 */
export function withHeaders(metadata: string, add: [string, string][]): string {
  if (add.length === 0) return metadata;
  const { headers, body } = splitHeaders(metadata);
  const mv = headers.findIndex((h) => /^Metadata-Version:/i.test(h));
  if (mv < 0) headers.unshift('Metadata-Version: 2.1');
  else if (!versionAtLeast21(headers[mv].split(':')[1]?.trim())) headers[mv] = 'Metadata-Version: 2.1';
  headers.push(...add.map(([k, v]) => `${k}: ${v}`));
  return `${headers.join('\n')}\n\n${body}`;
}

/**
 * METADATA for a wheel made from an egg-info folder: PKG-INFO plus requires.txt as
 * Requires-Dist/Provides-Extra, plus `extraRequires` (unconditional, e.g. from Debian's
 * Depends) for projects not already required unconditionally.
 */
export function buildMetadata(base: string, requiresTxt: string | undefined, extraRequires: string[]): string {
  const existing = metadataFields(base, 'Requires-Dist');
  const existingExtras = metadataFields(base, 'Provides-Extra');
  const parsed = requiresTxt ? parseRequiresTxt(requiresTxt) : { requires: [], extras: [] };
  const requires = [...parsed.requires.filter((r) => !existing.includes(r))];
  const unconditional = new Set(
    [...existing, ...requires].filter((r) => !r.includes(';')).map((r) => normalizeProject(requirementName(r))),
  );
  for (const r of extraRequires) {
    const n = normalizeProject(requirementName(r));
    if (!unconditional.has(n)) { requires.push(r); unconditional.add(n); }
  }
  const extras = parsed.extras.filter((e) => !existingExtras.includes(e));
  return withHeaders(base, [
    ...extras.map((e): [string, string] => ['Provides-Extra', e]),
    ...requires.map((r): [string, string] => ['Requires-Dist', r]),
  ]);
}
