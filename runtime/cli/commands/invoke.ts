import { createHmac } from 'node:crypto';
import type { Command } from 'commander';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { repeatable } from '../go-flags';
import { readStdin } from '../stdin';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** `-H k=v` flags as request headers, with faas-cli's messages (proxy/invoke.go parseHeaders). */
export function parseHeaders(headers: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const header of headers) {
    const i = header.indexOf('=');
    if (i < 0) throw new CliError('the --header or -H flag must take the form of key=value', `got "${header}", e.g. -H "X-Api-Key=secret"`);
    const [name, value] = [header.slice(0, i), header.slice(i + 1)];
    if (!name) throw new CliError('the --header or -H flag must take the form of key=value (empty key given)');
    if (!value) throw new CliError('the --header or -H flag must take the form of key=value (empty value given)');
    result[name] = value;
  }
  return result;
}

/** `--query k=v` flags as a query string ("" when none), with faas-cli's messages (buildQueryString). */
export function buildQuery(query: string[]): string {
  const parts = query.map((q) => {
    const i = q.indexOf('=');
    if (i < 0) throw new CliError('the --query flags must take the form of key=value (= not found)', `got "${q}", e.g. --query name=openfaas`);
    if (q.endsWith('=')) throw new CliError('the --query flag must take the form of: key=value (empty value given, or value ends in =)');
    return `${encodeURIComponent(q.slice(0, i))}=${encodeURIComponent(q.slice(i + 1))}`;
  });
  return parts.length ? `?${parts.join('&')}` : '';
}

/** faas-cli's --sign/--key: an HMAC of the body in the named header, "sha1=<hex>". */
export function signature(body: Buffer, key: string): string {
  return `sha1=${createHmac('sha1', key).update(body).digest('hex')}`;
}

type InvokeOptions = { gateway?: string; contentType: string; header?: string[]; query?: string[]; method: string; async?: boolean; sign?: string; key?: string };

/** What to do about a failed call, by status. */
function hintFor(status: number, name: string): string | undefined {
  if (status === 404) return 'See the functions you have with: faas-cli list';
  if (status >= 500) return `See what the function logged with: faas-cli logs ${name} --tail 20 --follow=false`;
  return undefined;
}

/**
 * `faas-cli invoke NAME`: the body from stdin, the function's answer to stdout byte for byte
 * (so invokes can be piped into each other); --async queues it and answers 202 at once.
 */
export function registerInvoke(program: Command): void {
  program
    .command('invoke')
    .argument('<NAME>', 'name of the deployed function')
    .description('Invoke an OpenFaaS function (reads the request body from STDIN)')
    .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://')
    .option('--content-type <type>', 'The content-type HTTP header such as application/json', 'text/plain')
    .option('-H, --header <key=value>', 'pass HTTP request header (repeatable)', repeatable)
    .option('--query <key=value>', 'pass query-string options (repeatable)', repeatable)
    .option('-m, --method <method>', 'pass HTTP request method', 'POST')
    .option('-a, --async', 'Invoke the function asynchronously')
    .option('--sign <header>', 'name of the header to put an HMAC signature of the body in (with --key)')
    .option('--key <key>', 'key to sign the body with (with --sign)')
    .addHelpText('after', '\nExamples:\n  echo Hi | faas-cli invoke markdown\n  faas-cli invoke env --query workshop=1 -H X-Trace=on < body.txt\n  echo Hi | faas-cli invoke figlet --async')
    .action(async (name: string, opts: InvokeOptions) => {
      const method = opts.method.toUpperCase();
      if (!METHODS.includes(method)) throw new CliError(`the --method or -m flag must take one of these values (${METHODS.join('/')})`);
      if (Boolean(opts.sign) !== Boolean(opts.key)) throw new CliError('signing requires both --sign <header-value> and --key <key-value>');
      const extra = parseHeaders(opts.header ?? []);
      // A Content-Type given with -H wins over --content-type (one header, not two).
      const headers: Record<string, string> = Object.keys(extra).some((k) => k.toLowerCase() === 'content-type') ? extra : { 'Content-Type': opts.contentType, ...extra };
      const path = `/${opts.async ? 'async-function' : 'function'}/${encodeURIComponent(name)}${buildQuery(opts.query ?? [])}`;
      const body = await readStdin();
      if (opts.sign && opts.key) headers[opts.sign] = signature(body, opts.key);

      await gatewayFor(opts.gateway).request(method, path, {
        body,
        headers,
        timeoutMs: 0, // functions may take as long as they like; faas-cli waits too
        onResponse: async (res) => {
          const status = res.statusCode ?? 0;
          if (opts.async && status === 202) {
            res.resume();
            process.stderr.write('Function submitted asynchronously.\n');
          } else if (status >= 200 && status < 300) {
            for await (const chunk of res) stdio.write(chunk as Buffer);
          } else {
            const chunks: Buffer[] = [];
            for await (const chunk of res) chunks.push(chunk as Buffer);
            const text = Buffer.concat(chunks).toString('utf8').trim();
            throw new CliError(`server returned unexpected status code: ${status} - ${text}`, hintFor(status, name));
          }
        },
      });
    });
}
