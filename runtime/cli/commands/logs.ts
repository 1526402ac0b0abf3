import { StringDecoder } from 'node:string_decoder';
import type { Command } from 'commander';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { Gateway } from '../gateway';
import { acceptGoBooleans, parseGoDuration } from '../go-flags';
import { formatGoTime, RFC3339 } from '../go-time';

/** One line of GET /system/logs (faas-provider's logs.Message). */
export type LogMessage = { name: string; namespace?: string; instance: string; timestamp: string; text: string };
export type LogFormat = 'plain' | 'key-value' | 'json';
export type LogPrintOptions = { format: LogFormat; timeFormat: string; name: boolean; instance: boolean };

/** One log message as faas-cli prints it (commands/logs_format.go): plain, key-value or json. */
export function formatLogMessage(msg: LogMessage, o: LogPrintOptions): string {
  const text = msg.text.replace(/\n+$/, '');
  if (o.format === 'json') {
    return JSON.stringify({ name: msg.name, namespace: msg.namespace ?? '', instance: msg.instance, timestamp: msg.timestamp, text: msg.text });
  }
  const time = o.timeFormat ? formatGoTime(msg.timestamp, o.timeFormat) : '';
  if (o.format === 'key-value') {
    return `${time ? `timestamp="${time}" ` : ''}${o.name ? `name="${msg.name}" ` : ''}${o.instance ? `instance="${msg.instance}" ` : ''}text="${text}" `;
  }
  return `${time ? `${time} ` : ''}${o.name ? `${msg.name} ` : ''}${o.instance ? `(${msg.instance}) ` : ''}${text}`;
}

type LogsOptions = { gateway?: string; since?: string; sinceTime?: string; tail: string; follow: boolean; format: string; timeFormat: string; name?: boolean; instance?: boolean };

/** The /system/logs query for the flags (faas-cli proxy/logs.go reqAsQueryValues), or a CliError. */
export function logQuery(fn: string, o: Pick<LogsOptions, 'since' | 'sinceTime' | 'tail' | 'follow'>, now = Date.now()): string {
  const q = new URLSearchParams({ name: fn, follow: String(o.follow) });
  if (o.sinceTime) {
    if (Number.isNaN(Date.parse(o.sinceTime)) || !/^\d{4}-\d\d-\d\dT/.test(o.sinceTime)) {
      throw new CliError(`invalid argument "${o.sinceTime}" for "--since-time" flag: use an RFC 3339 time like 2024-05-01T10:00:00Z`);
    }
    q.set('since', new Date(o.sinceTime).toISOString().replace(/\.\d+Z$/, 'Z'));
  } else if (o.since) {
    const ms = parseGoDuration(o.since);
    if (ms === null) throw new CliError(`invalid argument "${o.since}" for "--since" flag: use a duration like 30s, 5m or 1h`);
    if (ms !== 0) q.set('since', new Date(now - ms).toISOString().replace(/\.\d+Z$/, 'Z'));
  }
  const tail = Number(o.tail);
  if (!Number.isInteger(tail)) throw new CliError(`invalid argument "${o.tail}" for "--tail" flag: use a whole number of lines (-1 for all)`);
  if (tail !== 0) q.set('tail', String(tail));
  return q.toString();
}

function parseLine(line: string): LogMessage {
  try {
    return JSON.parse(line) as LogMessage;
  } catch {
    throw new CliError(`cannot parse log results: ${line.slice(0, 200)}`);
  }
}

/** Split a stream of ndjson into messages: lines (and UTF-8 characters) may be cut across chunks. */
export async function* ndjson(stream: AsyncIterable<Buffer>): AsyncGenerator<LogMessage> {
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  for await (const chunk of stream) {
    buffered += decoder.write(chunk);
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) yield parseLine(line);
    }
  }
  buffered += decoder.end();
  if (buffered.trim()) yield parseLine(buffered.trim());
}

/** `faas-cli logs NAME`: follows by default (Ctrl+C to stop), like faas-cli 0.12. */
export function registerLogs(program: Command): void {
  const cmd = program
    .command('logs')
    .argument('<NAME>', 'name of the function')
    .description('Fetch logs for a function')
    .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://')
    .option('--since <duration>', 'return logs newer than a relative duration like 5s')
    .option('--since-time <time>', 'include logs since the given timestamp (RFC3339)')
    .option('--tail <lines>', 'number of recent log lines file to display. Defaults to -1, unlimited if <=0', '-1')
    .option('--follow', 'continue printing new logs until the end of the request (--follow=false to stop at the end)', true)
    .option('--format <format>', 'output format.  Note that JSON format will always include all log message keys (plain|key-value|json)', 'plain')
    .option('--time-format <layout>', 'string format for the timestamp, any value go time format string is allowed, empty will not print the timestamp', RFC3339)
    .option('--name', 'print the function name')
    .option('--instance', 'print the function instance name/id')
    .addHelpText('after', '\nExamples:\n  faas-cli logs figlet\n  faas-cli logs figlet --follow=false --tail 20\n  faas-cli logs figlet --since 10m --format json')
    .action(async (fn: string, opts: LogsOptions) => {
      if (!['plain', 'key-value', 'json'].includes(opts.format)) throw new CliError(`invalid argument "${opts.format}" for "--format" flag: use plain, key-value or json`);
      const print: LogPrintOptions = { format: opts.format as LogFormat, timeFormat: opts.timeFormat, name: Boolean(opts.name), instance: Boolean(opts.instance) };
      const gateway = gatewayFor(opts.gateway);
      await gateway.request('GET', `/system/logs?${logQuery(fn, opts)}`, {
        auth: true,
        timeoutMs: 0, // a followed log stays quiet for as long as the function does
        onResponse: async (res) => {
          if (res.statusCode !== 200) {
            const chunks: Buffer[] = [];
            for await (const chunk of res) chunks.push(chunk as Buffer);
            Gateway.expect({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }, [200], `cannot get the logs of ${fn}`);
          }
          for await (const msg of ndjson(res)) stdio.log(formatLogMessage(msg, print));
        },
      });
    });
  acceptGoBooleans(cmd, ['follow', 'name', 'instance']);
}
