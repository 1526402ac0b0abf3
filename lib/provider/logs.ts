import type { ServerResponse } from 'node:http';
import type Docker from 'dockerode';
import { LogDemuxer } from '../docker/log-demux';
import { AppError } from '../errors';
import type { Owner } from './deployment';
import { getFunction } from './functions';
import { NAMESPACE } from './schema';
import { names } from '../docker/names';

export type LogQuery = { name: string; tail?: number; since?: string; follow: boolean };

/** One line of a service's log with details: "<timestamp> <k=v,k=v> <text>". */
export function parseServiceLogLine(line: string): { timestamp: string; instance: string; text: string } {
  const m = /^(\S+) (\S*com\.docker\.swarm\.\S*) ?(.*)$/.exec(line);
  if (!m) {
    const [timestamp, ...rest] = line.split(' ');
    return { timestamp, instance: '', text: rest.join(' ') };
  }
  const task = /com\.docker\.swarm\.task\.id=([^,\s]+)/.exec(m[2]);
  return { timestamp: m[1], instance: task?.[1] ?? '', text: m[3] };
}

/** Parse OpenFaaS's log query (name, tail, since as RFC 3339, follow) with clear errors. */
export function parseLogQuery(params: URLSearchParams): LogQuery {
  const name = params.get('name') ?? '';
  if (!name) throw new AppError('invalid', 'name is required (the function whose logs you want).');
  const tailRaw = params.get('tail');
  const tail = tailRaw === null || tailRaw === '' || tailRaw === '-1' ? undefined : Number(tailRaw);
  if (tail !== undefined && (!Number.isInteger(tail) || tail < 0)) throw new AppError('invalid', `tail must be a whole number, got "${tailRaw}".`);
  const since = params.get('since') || undefined;
  if (since && Number.isNaN(Date.parse(since))) throw new AppError('invalid', `since must be an RFC 3339 time, got "${since}".`);
  return { name, tail, since, follow: params.get('follow') === 'true' };
}

/**
 * Stream a function's logs as OpenFaaS does: application/x-ndjson, one
 * {name, namespace, instance, timestamp, text} per line, following when asked.
 */
export async function streamFunctionLogs(engine: Docker, owner: Owner, q: LogQuery, res: ServerResponse): Promise<void> {
  await getFunction(engine, owner, q.name); // 404 with the name when it does not exist
  const service = engine.getService(names.functionService(owner.instance, owner.sandboxId, q.name));
  const opts = {
    stdout: true, stderr: true, timestamps: true, details: true, follow: q.follow,
    ...(q.tail !== undefined ? { tail: q.tail } : {}),
    ...(q.since ? { since: Math.floor(Date.parse(q.since) / 1000) } : {}),
  };
  const out = (await service.logs(opts as never)) as unknown as NodeJS.ReadableStream | Buffer;
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  const demux = new LogDemuxer((line) => {
    if (!line) return;
    const { timestamp, instance, text } = parseServiceLogLine(line);
    res.write(`${JSON.stringify({ name: q.name, namespace: NAMESPACE, instance, timestamp, text })}\n`);
  });
  if (Buffer.isBuffer(out)) {
    demux.push(out);
    demux.end();
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    out.on('data', (c: Buffer) => demux.push(c));
    out.on('end', () => { demux.end(); res.end(); resolve(); });
    out.on('error', () => { res.end(); resolve(); });
    res.on('close', () => { (out as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.(); resolve(); });
  });
}
