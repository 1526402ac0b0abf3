import { toCsv, type CsvValue } from './csv';
import type { Roster } from './load';

const utc = (ms: number | null) => (ms === null ? null : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')}`);

/**
 * The session's progress as an instructor keeps it: one row per participant (a sheet of 40 rows,
 * not 40 × 20), with each lab's steps done and checks passed as separate number columns — "3/6"
 * would become a date in a spreadsheet — so they sort and sum. Times are UTC, as the header says.
 */
export function progressCsv(r: Roster): string {
  const head: CsvValue[] = ['Name', 'Joined (UTC)', 'Last activity (UTC)', 'Current step', 'Steps done', 'Steps'];
  for (const lab of r.labs) {
    const name = `Lab ${lab.number}`;
    head.push(`${name} steps done`, `${name} steps`, `${name} checks passed`, `${name} checks`);
  }
  const rows = r.members.map((m) => {
    const row: CsvValue[] = [m.displayName, utc(m.joinedAt), utc(m.lastActivityAt), m.current?.label ?? null,
      m.labs.reduce((n, l) => n + l.stepsDone, 0), m.labs.reduce((n, l) => n + l.stepsTotal, 0)];
    for (const lab of r.labs) {
      const l = m.labs.find((x) => x.lab === lab.slug);
      row.push(l?.stepsDone ?? 0, l?.stepsTotal ?? 0, l?.checksPassed ?? 0, l?.checksTotal ?? 0);
    }
    return row;
  });
  return toCsv([head, ...rows]);
}

/** A file name for the download: the title's letters and digits, and the day. */
export function csvFileName(r: Roster): string {
  const slug = r.workshop.title.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40).toLowerCase() || 'session';
  return `${slug}-${new Date(r.workshop.startsAt).toISOString().slice(0, 10)}-progress.csv`;
}
