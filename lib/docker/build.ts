import type Docker from 'dockerode';
import tar from 'tar-stream';
import { readDockerStream, type DockerStreamMessage } from './json-stream';
import type { Labels } from './labels';

/** A build context held in memory: relative path → file content (and optional mode). */
export type ContextFiles = Map<string, { content: Buffer | string; mode?: number }>;

export type BuildOptions = {
  tag: string;
  labels: Labels;
  buildargs?: Record<string, string>;
  dockerfile?: string;
  nocache?: boolean;
  /** Memory limit of each build step's container (swap included); none when absent. */
  memoryBytes?: number;
  /** Network of each RUN step's container (the classic builder's `networkmode`); default bridge when absent. */
  networkMode?: string;
  /** Cgroup under which each step's container runs (cgroupfs path, e.g. for a pids limit); the engine's default when absent. */
  cgroupParent?: string;
  /**
   * Stops the build: the request to the engine is closed, and the classic builder then kills
   * and removes the running step's container. The call rejects with the signal's reason.
   */
  signal?: AbortSignal;
};

export type BuildResult =
  | { ok: true; imageId: string }
  | { ok: false; error: string; log: string };

/** Pack files into a tar stream for the engine. Paths are taken as given (callers validate them). */
export function packContext(files: ContextFiles): NodeJS.ReadableStream {
  const pack = tar.pack();
  for (const [name, { content, mode }] of files) {
    pack.entry({ name, mode: mode ?? 0o644, mtime: new Date(0) }, content);
  }
  pack.finalize();
  return pack as unknown as NodeJS.ReadableStream;
}

/**
 * Build an image with the classic builder from an in-memory context, streaming each line of
 * output to onLine. A failed step resolves to { ok: false } with the engine's message and the
 * whole log, so callers can turn it into a precise error; engine/transport errors throw.
 */
export async function buildFromFiles(
  engine: Docker,
  files: ContextFiles,
  opts: BuildOptions,
  onLine: (line: string) => void = () => {},
): Promise<BuildResult> {
  const labelled = withLabelInstruction(files, opts.dockerfile ?? 'Dockerfile', opts.labels);
  let imageId = '';
  let error = '';
  const log: string[] = [];
  try {
    const stream = (await engine.buildImage(packContext(labelled ?? files) as any, {
      t: opts.tag,
      labels: labelled ? undefined : opts.labels,
      buildargs: opts.buildargs,
      dockerfile: opts.dockerfile,
      nocache: opts.nocache,
      forcerm: true,
      ...(opts.memoryBytes ? { memory: opts.memoryBytes, memswap: opts.memoryBytes } : {}),
      ...(opts.networkMode ? { networkmode: opts.networkMode } : {}),
      ...(opts.cgroupParent ? { cgroupparent: opts.cgroupParent } : {}),
      ...(opts.signal ? { abortSignal: opts.signal } : {}),
    } as any)) as unknown as NodeJS.ReadableStream;
    await readDockerStream(stream, (m: DockerStreamMessage) => {
      if (m.aux?.ID) imageId = m.aux.ID;
      const text = m.stream ?? (m.status ? `${m.status}${m.progress ? ` ${m.progress}` : ''}\n` : '');
      if (text) {
        log.push(text);
        for (const line of text.split('\n')) if (line.trim()) onLine(line);
        const built = /^Successfully built ([0-9a-f]+)/m.exec(text);
        if (built && !imageId) imageId = built[1];
      }
      if (m.error) {
        error = m.errorDetail?.message ?? m.error;
        log.push(`${error}\n`);
        onLine(error);
      }
    });
  } catch (err) {
    // dockerode reports an abort as a bare "aborted": give the caller the reason it stopped for.
    if (opts.signal?.aborted) throw opts.signal.reason;
    throw err;
  }
  if (error) return { ok: false, error, log: log.join('') };
  if (!imageId) return { ok: false, error: 'The engine finished the build without reporting an image.', log: log.join('') };
  return { ok: true, imageId };
}

/**
 * The engine's `labels` build option adds one LABEL step per label (~0.1 s each on this
 * machine, most of a warm function build); one LABEL line at the end of the Dockerfile costs
 * one step. Returns a copy of the context with that line, or null if there is no Dockerfile.
 */
function withLabelInstruction(files: ContextFiles, dockerfile: string, labels: Labels): ContextFiles | null {
  const file = files.get(dockerfile);
  if (!file || Object.keys(labels).length === 0) return null;
  const line = `LABEL ${Object.entries(labels).map(([k, v]) => `${JSON.stringify(k)}=${JSON.stringify(v)}`).join(' ')}`;
  const copy: ContextFiles = new Map(files);
  copy.set(dockerfile, { ...file, content: `${file.content.toString().replace(/\s*$/, '')}\n${line}\n` });
  return copy;
}

/**
 * Only the build args a Dockerfile declares (others make the engine warn in the log). Names come
 * from participants (faas-cli --build-arg): escaped, so that a name cannot be a pattern that
 * stalls the web app.
 */
export function declaredArgs(dockerfile: string, args: Record<string, string>): Record<string, string> {
  const literal = (k: string) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return Object.fromEntries(Object.entries(args).filter(([k]) => new RegExp(`^\\s*ARG\\s+${literal(k)}\\b`, 'm').test(dockerfile)));
}
