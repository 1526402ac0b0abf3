import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** "on 2 × <cpu model>": the machine, for the first line of every section. */
export const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The p-quantile (0 < p < 1) of xs, nearest rank. */
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
/** Milliseconds as seconds, two decimals. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Replace the text between `<!-- bench:<key>:start -->` and `…:end -->` in docs/benchmarks.md. */
export function writeSection(root: string, key: string, section: string): void {
  const file = path.join(root, 'docs/benchmarks.md');
  const text = fs.readFileSync(file, 'utf8');
  const [start, end] = [`<!-- bench:${key}:start -->`, `<!-- bench:${key}:end -->`];
  if (!text.includes(start) || !text.includes(end)) throw new Error(`docs/benchmarks.md has no ${start} … ${end} markers`);
  fs.writeFileSync(file, `${text.slice(0, text.indexOf(start) + start.length)}\n${section}\n${text.slice(text.indexOf(end))}`);
  console.log(`updated docs/benchmarks.md (${key})`);
}

/** docker stats' "MEM USAGE" in MiB: usage minus page cache (cgroup v1 total_inactive_file / v2 inactive_file). */
export function memUsageMiB(stats: { memory_stats: { usage: number; stats?: Record<string, number> } }): number {
  const cache = stats.memory_stats.stats?.total_inactive_file ?? stats.memory_stats.stats?.inactive_file ?? 0;
  return (stats.memory_stats.usage - cache) / 2 ** 20;
}

/** Debian's Chromium as the benches launch it (Playwright cannot download its own here). */
export const CHROMIUM = { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] };
