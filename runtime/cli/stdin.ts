/**
 * Read all of standard input, as faas-cli does for invoke, secrets and login --password-stdin.
 * At a terminal it first says how to finish (faas-cli's words), since it would otherwise seem to hang.
 */
export async function readStdin(opts: { hint?: boolean; input?: NodeJS.ReadStream } = {}): Promise<Buffer> {
  const input = opts.input ?? process.stdin;
  if (input.isTTY && opts.hint !== false) process.stderr.write('Reading from STDIN - hit (Control + D) to stop.\n');
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
