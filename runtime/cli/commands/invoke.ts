import { createHmac } from 'node:crypto';
import type { Command } from 'commander';
import { gatewayFor, stdio } from '../context';
import { CliError } from '../errors';
import { repeatable } from '../go-flags';
import { checkNamespace, gatewayFlag, namespaceFlag, tlsFlag, unusedStackFlags } from '../common-flags';
import { compat } from '../flags';
import { readStdin } from '../stdin';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export const KEY_VALUE_WARNING = 'Warning: the -H key=value form is deprecated, use -H "Key: Value" instead';

/**
 * -H flags as request headers (faas-cli commands/invoke.go): "Key: Value" (split at the first
 * colon, both sides trimmed), else the older key=value, which `warn` is told about once. A
 * header given twice keeps both values.
 */
export function parseHeaders(headers: string[], warn: (line: string) => void = () => {}): Record<string, string> {
  const result: Record<string, string> = {};
  let warned = false;
  for (const header of headers) {
    let i = header.indexOf(':');
    if (i < 0) {
      i = header.indexOf('=');
      if (i < 0) throw new CliError('the --header or -H flag must take the form of "Key: Value"', `got "${header}", e.g. -H "X-Api-Key: secret"`);
      if (!warned) warn(KEY_VALUE_WARNING);
      warned = true;
    }
    const [name, value] = [header.slice(0, i).trim(), header.slice(i + 1).trim()];
    if (!name) throw new CliError('the --header or -H flag must take the form of "Key: Value" (empty key given)');
    if (!value) throw new CliError('the --header or -H flag must take the form of "Key: Value" (empty value given)');
    result[name] = result[name] === undefined ? value : `${result[name]}, ${value}`;
  }
  return result;
}

/**
 * `--query k=v` flags as a query string ("" when none), with faas-cli's messages
 * (buildQueryString); encoded as Go's url.Values does it: keys sorted, spaces as +.
 */
export function buildQuery(query: string[]): string {
  const params = new URLSearchParams();
  for (const q of query) {
    const i = q.indexOf('=');
    if (i < 0) throw new CliError('the --query flags must take the form of key=value (= not found)', `got "${q}", e.g. --query name=openfaas`);
    if (i === 0) throw new CliError('the --query flag must take the form of: key=value (empty key given)');
    if (q.endsWith('=')) throw new CliError('the --query flag must take the form of: key=value (empty value given, or value ends in =)');
    params.append(q.slice(0, i), q.slice(i + 1));
  }
  params.sort();
  return query.length ? `?${params}` : '';
}

/** faas-cli's --sign/--key: an HMAC of the body in the named header, "sha256=<hex>". */
export function signature(body: Buffer, key: string): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
}

type InvokeOptions = {
  gateway?: string; namespace?: string; contentType: string; header?: string[]; query?: string[]; method: string; async?: boolean; sign?: string; key?: string;
};

/** What to do about a failed call, by status. */
function hintFor(status: number, name: string): string | undefined {
  if (status === 404) return 'See the functions you have with: faas-cli list';
  if (status >= 500) return `See what the function logged with: faas-cli logs ${name} --lines 20 --tail=false`;
  return undefined;
}

/**
 * `faas-cli invoke NAME`: the body from stdin, the function's answer to stdout byte for byte
 * (so invokes can be piped into each other); --async queues it and answers 202 at once.
 */
export function registerInvoke(program: Command): void {
  const cmd = program
    .command('invoke')
    .argument('<NAME>', 'name of the deployed function')
    .description('Invoke an OpenFaaS function (reads the request body from STDIN)')
    .option('--name <name>', 'Name of the deployed function (the NAME argument is used, as faas-cli does)');
  gatewayFlag(namespaceFlag(cmd, 'Namespace of the deployed function'))
    .option('--content-type <type>', 'The content-type HTTP header such as application/json', 'text/plain')
    .option('--query <key=value>', 'pass query-string options (repeatable)', repeatable)
    .option('-H, --header <"Key: Value">', 'pass HTTP request header (repeatable; the older key=value form works too)', repeatable)
    .option('--auth', compat('Authenticate with an OpenFaaS token when invoking the function', 'functions here take no IAM token'))
    .option('-a, --async', 'Invoke the function asynchronously')
    .option('-m, --method <method>', 'pass HTTP request method', 'POST');
  tlsFlag(cmd)
    .option('--sign <header>', 'name of HTTP request header to hold the signature')
    .option('--key <key>', 'key to be used to sign the request (must be used with --sign)');
  unusedStackFlags(cmd, true);
  cmd.addHelpText('after', '\nExamples:\n  echo Hi | faas-cli invoke markdown\n  faas-cli invoke env --query workshop=1 -H "X-Trace: on" < body.txt\n  echo Hi | faas-cli invoke figlet --async')
    .action(async (name: string, opts: InvokeOptions) => {
      const method = opts.method.toUpperCase();
      if (!METHODS.includes(method)) throw new CliError(`the --method or -m flag must take one of these values (${METHODS.join('/')})`);
      if (Boolean(opts.sign) !== Boolean(opts.key)) throw new CliError('signing requires both --sign <header-value> and --key <key-value>');
      const namespace = checkNamespace(opts.namespace);
      const extra = parseHeaders(opts.header ?? [], (line) => process.stderr.write(`${line}\n`));
      // faas-cli sets --content-type unless -H gave a Content-Type, or when it was given itself.
      const fromHeader = Object.keys(extra).find((k) => k.toLowerCase() === 'content-type');
      const headers: Record<string, string> = { ...extra };
      if (!fromHeader || cmd.getOptionValueSource('contentType') === 'cli') {
        if (fromHeader) delete headers[fromHeader];
        headers['Content-Type'] = opts.contentType;
      }
      // With -n the function is named as faas-cli names it: <name>.<namespace>.
      const fn = namespace ? `${name}.${namespace}` : name;
      const path = `/${opts.async ? 'async-function' : 'function'}/${encodeURIComponent(fn)}${buildQuery(opts.query ?? [])}`;
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
