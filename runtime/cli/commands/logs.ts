import { StringDecoder } from 'node:string_decoder';
import type { Command } from 'commander';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { Gateway } from '../gateway';
import { checkNamespace, gatewayFlag, namespaceFlag, tlsFlag, tokenFlag, unusedStackFlags } from '../common-flags';
import { durationOption, intOption, timestampOption } from '../flags';
import { checkArguments } from '../go-flags';
import { formatGoTime, RFC3339, timeLayout } from '../go-time';

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

type LogsOptions = {
  gateway?: string; namespace?: string; since: number; sinceTime?: string; lines: number; tail: boolean;
  output: string; timeFormat: string; name?: boolean; instance?: boolean;
};
export type LogRequest = Pick<LogsOptions, 'since' | 'sinceTime' | 'lines' | 'tail'> & { namespace?: string };

const seconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * The /system/logs query for the flags, as faas-cli sends it (commands/logs.go, proxy/logs.go;
 * keys sorted): follow from --tail, tail from --lines (left out when 0), since from
 * --since-time, else --since ago (left out when 0s), namespace when given.
 */
export function logQuery(fn: string, o: LogRequest, now = Date.now()): string {
  const q = new URLSearchParams({ follow: String(o.tail), name: fn });
  if (o.namespace) q.set('namespace', o.namespace);
  if (o.sinceTime) q.set('since', seconds(Date.parse(o.sinceTime)));
  else if (o.since) q.set('since', seconds(now - o.since));
  if (o.lines !== 0) q.set('tail', String(o.lines));
  return q.toString();
}

export const LOG_FORMATS: Record<string, LogFormat> = { '': 'plain', plain: 'plain', keyvalue: 'key-value', json: 'json' };

/** -o's value as a format; faas-cli's error for any other. */
export function logFormat(value: string): LogFormat {
  const format = LOG_FORMATS[value];
  if (!format) throw new CliError(`unknown log format: '${value}'`, 'Use -o plain, -o keyvalue or -o json.');
  return format;
}

/**
 * The flags an older faas-cli (and this one until now) had that 0.17 does not: say what to
 * use instead, where pflag would only say "unknown flag". `--tail N` counted lines then; now
 * --tail is a boolean and N would be taken for a second function name.
 */
export function checkOldFlags(argv: string[]): void {
  for (const [i, arg] of argv.entries()) {
    const flag = /^--?[^=]+/.exec(arg)?.[0];
    if (flag === '--follow') {
      throw new CliError('unknown flag: --follow', 'faas-cli logs follows with --tail, which is on by default: --tail=false prints the logs so far and stops.');
    }
    if (flag === '--format') throw new CliError('unknown flag: --format', 'The output format is -o or --output: plain, keyvalue or json.');
    if ((arg === '--tail' || arg === '-t') && /^\d+$/.test(argv[i + 1] ?? '')) {
      throw new CliError(`--tail is a true/false flag (keep following, on by default), so "${argv[i + 1]}" is not a number of lines`,
        `For the last ${argv[i + 1]} lines use --lines ${argv[i + 1]}; add --tail=false to stop after them.`);
    }
  }
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

/** `faas-cli logs NAME`: follows by default (--tail; Ctrl+C to stop), as faas-cli 0.17 does. */
export function registerLogs(program: Command): void {
  const cmd = program
    .command('logs')
    .argument('<NAME>', 'name of the function')
    .description('Fetch logs for a function');
  gatewayFlag(cmd);
  namespaceFlag(cmd);
  tlsFlag(cmd)
    .addOption(durationOption('--since <duration>', 'return logs newer than a relative duration like 5s', '0s'))
    .addOption(timestampOption('--since-time <timestamp>', 'include logs since the given timestamp (RFC3339)'))
    .addOption(intOption('--lines <n>', 'number of recent log lines file to display. Defaults to -1, unlimited if <=0', -1))
    .option('-t, --tail', 'tail logs and continue printing new logs until the end of the request or Ctrl+C (--tail=false prints the logs so far and stops)', true);
  tokenFlag(cmd)
    .option('-o, --output <format>', 'output format.  Note that JSON format will always include all log message keys (plain|keyvalue|json; empty is plain)', '')
    .option('--time-format <layout>', 'string format for the timestamp, any value go time format string is allowed, empty will not print the timestamp', RFC3339)
    .option('--name', 'print the function name')
    .option('--instance', 'print the function instance name/id');
  unusedStackFlags(cmd);
  checkArguments(cmd, checkOldFlags);
  cmd.addHelpText('after', '\nExamples:\n  faas-cli logs figlet\n  faas-cli logs figlet --lines 20 --tail=false\n  faas-cli logs figlet --since 10m -o json')
    .action(async (fn: string, opts: LogsOptions) => {
      const namespace = checkNamespace(opts.namespace);
      const print: LogPrintOptions = { format: logFormat(opts.output), timeFormat: timeLayout(opts.timeFormat), name: Boolean(opts.name), instance: Boolean(opts.instance) };
      const gateway = gatewayFor(opts.gateway);
      await gateway.request('GET', `/system/logs?${logQuery(fn, { ...opts, namespace })}`, {
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
}
