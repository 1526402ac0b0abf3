import { CliError } from './errors';
import type { Gateway } from './gateway';
import { LineSplitter, parseBuildEvent, type BuildEvent } from './build-output';

export type BuildResult = { image: string; seconds: number };

/**
 * POST a build upload to the gateway's /system/builds and follow the ndjson answer: every
 * event goes to `onEvent`; a `result` ends it, an `error` (or a refusal before streaming,
 * text/plain "message\nhint") becomes a CliError with the platform's message and hint.
 */
export async function postBuild(gateway: Gateway, body: Buffer, onEvent: (e: BuildEvent) => void): Promise<BuildResult> {
  const end: { result?: BuildResult; failure?: CliError } = {};
  const handle = (line: string) => {
    if (!line.trim()) return;
    const event = parseBuildEvent(line);
    if (event.type === 'result') end.result = { image: event.image, seconds: event.seconds };
    if (event.type === 'error') end.failure = new CliError(event.message, event.hint);
    onEvent(event);
  };
  await gateway.request('POST', '/system/builds', {
    auth: true,
    body,
    headers: { 'Content-Type': 'application/x-tar' },
    // Builds wait in the platform's queue and install packages; the gateway allows 15 minutes.
    timeoutMs: 15 * 60_000,
    onResponse: async (res) => {
      const status = res.statusCode ?? 0;
      if (status !== 200) {
        const chunks: Buffer[] = [];
        for await (const c of res) chunks.push(c as Buffer);
        const [message, ...hint] = Buffer.concat(chunks).toString('utf8').trim().split('\n');
        throw new CliError(message || `the builder answered ${status}`, hint.join('\n') || undefined);
      }
      const lines = new LineSplitter();
      for await (const chunk of res) lines.push(chunk as Buffer).forEach(handle);
      lines.end().forEach(handle);
    },
  });
  if (end.failure) throw end.failure;
  if (!end.result) throw new CliError('the build ended without a result', 'The connection to the builder was lost; run the build again.');
  return end.result;
}
