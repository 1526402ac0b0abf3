import { z } from 'zod';

/** One line of the builder's ndjson answer (lib/builder/remote-build.ts BuildEvent). */
const buildEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('queue'), position: z.number() }),
  z.object({ type: z.literal('log'), line: z.string() }),
  z.object({ type: z.literal('result'), image: z.string(), seconds: z.number() }),
  z.object({ type: z.literal('error'), message: z.string(), hint: z.string().optional(), detail: z.unknown().optional() }),
]);
export type BuildEvent = z.infer<typeof buildEventSchema>;

/** A line of the answer as an event; a line that is not one is shown as a log line, not lost. */
export function parseBuildEvent(line: string): BuildEvent {
  try {
    const parsed = buildEventSchema.safeParse(JSON.parse(line));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through
  }
  return { type: 'log', line };
}

/** Split a byte stream into lines, whatever the chunk boundaries (UTF-8 safe). */
export class LineSplitter {
  private rest = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    const data = Buffer.concat([this.rest, chunk]);
    const lines: string[] = [];
    let start = 0;
    for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, start)) {
      lines.push(data.subarray(start, i).toString('utf8'));
      start = i + 1;
    }
    this.rest = data.subarray(start);
    return lines;
  }

  end(): string[] {
    const last = this.rest.toString('utf8');
    this.rest = Buffer.alloc(0);
    return last ? [last] : [];
  }
}

/** Seconds as faas-cli prints durations (`%1.2fs`). */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

/**
 * faas-cli's build log: `[n] > Building x.` / `[n] < Building x done in 0.85s.` around each
 * function, `[n] Worker done.` per worker, `Total build time` at the end. With parallel workers
 * every line of a build also carries its worker's `[n]`, so interleaved builds stay readable.
 */
export const buildLines = {
  start: (worker: number, name: string) => `[${worker}] > Building ${name}.`,
  done: (worker: number, name: string, ms: number, ok: boolean) => `[${worker}] < Building ${name} ${ok ? 'done' : 'failed'} in ${seconds(ms)}.`,
  worker: (worker: number) => `[${worker}] Worker done.`,
  total: (ms: number) => `Total build time: ${seconds(ms)}`,
  /** A line of one function's build, prefixed with its worker when builds run side by side. */
  of: (worker: number, parallel: boolean, line: string) => (parallel ? `[${worker}] ${line}` : line),
};

/** What to print for a queue position: the platform builds a few functions at a time for everyone. */
export const queueLine = (position: number) => `Waiting for the platform's builder: number ${position} in the queue.`;

/** The excerpt a build error carries (e.g. Python's own SyntaxError rendering), if any. */
export function errorExcerpt(detail: unknown): string | undefined {
  const excerpt = (detail as { excerpt?: unknown } | null | undefined)?.excerpt;
  return typeof excerpt === 'string' && excerpt ? excerpt : undefined;
}
