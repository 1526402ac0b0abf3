import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { names } from '../docker/names';
import { AppError } from '../errors';
import { SHELL_HOME, TMUX_ENV, TMUX_SESSION, unprivileged } from './shell';

export type ExecResult = { code: number; stdout: string; stderr: string };

/** The running container of a sandbox's shell service. */
export async function shellContainer(engine: Docker, instance: string, sid: string): Promise<Docker.Container> {
  const [c] = await engine.listContainers({ filters: { label: [`com.docker.swarm.service.name=${names.shellService(instance, sid)}`], status: ['running'] } });
  if (!c) throw new AppError('unavailable', 'Your shell is not running.', { hint: 'Reload the page to start it again.' });
  return engine.getContainer(c.Id);
}

/**
 * Run a command line with bash in the participant's shell (as the terminal would), wait for it
 * and collect its output and exit code; `stdin` is written to it first, `onOutput` sees the
 * output (stdout and stderr) as it comes.
 */
export async function execInShell(engine: Docker, instance: string, sid: string, command: string, opts: { stdin?: string; cwd?: string; env?: string[]; onOutput?: (chunk: Buffer) => void } = {}): Promise<ExecResult> {
  const container = await shellContainer(engine, instance, sid);
  const exec = await container.exec({
    Cmd: unprivileged(['bash', '-lc', command]), AttachStdout: true, AttachStderr: true, AttachStdin: opts.stdin !== undefined,
    WorkingDir: opts.cwd ?? SHELL_HOME, Env: opts.env,
  });
  const stream = await exec.start({ hijack: true, stdin: opts.stdin !== undefined });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough().on('data', (c: Buffer) => { out.push(c); opts.onOutput?.(c); });
  const stderr = new PassThrough().on('data', (c: Buffer) => { err.push(c); opts.onOutput?.(c); });
  engine.modem.demuxStream(stream, stdout, stderr);
  if (opts.stdin !== undefined) {
    stream.write(opts.stdin);
    (stream as unknown as { end: () => void }).end();
  }
  await new Promise<void>((resolve, reject) => { stream.on('end', resolve); stream.on('close', resolve); stream.on('error', reject); });
  const info = await exec.inspect();
  return { code: info.ExitCode ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}

/**
 * Start terminal 1's tmux session (bash at its prompt) ahead of the participant, so that their
 * first terminal attaches to a prompt that is already there. A no-op when it runs.
 */
export async function startTerminalSession(engine: Docker, instance: string, sid: string): Promise<void> {
  // The environment given here is the tmux server's, so every shell's: nothing beyond TMUX_ENV
  // (the session's name is a constant, written into the command).
  const r = await execInShell(engine, instance, sid, `tmux has-session -t ${TMUX_SESSION} 2>/dev/null || tmux new-session -d -s ${TMUX_SESSION}`, { env: TMUX_ENV });
  if (r.code !== 0) throw new AppError('unavailable', `Could not start the terminal's session: ${r.stderr.trim()}`);
}
