import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { finished } from 'node:stream/promises';
import type Docker from 'dockerode';
import { SHELL_HOME, TMUX_ENV, TMUX_SESSION, unprivileged } from '../sandbox/shell';
import type { TerminalSize } from './protocol';

/** The tmux session of a named terminal: "1" is `main`, others `t<name>`; names come from protocol.ts's TERMINAL_NAME. */
export const tmuxSession = (terminal: string) => (terminal === '1' ? TMUX_SESSION : `t${terminal}`);

export type TmuxClient = {
  /** The TTY of the exec: raw bytes both ways (no multiplexing with a TTY). */
  stream: Duplex;
  resize: (size: TerminalSize) => Promise<void>;
  /**
   * End this tmux client (the session stays). Needed because closing the exec's connection
   * does not end the process: Docker keeps a TTY exec running after its client has gone
   * (moby/moby#9098), so every closed tab would leave a tmux client behind.
   */
  detach: () => Promise<void>;
  /** Forget the client once it has ended by itself. */
  forget: () => Promise<void>;
  /** After the stream ended: 0 when tmux exited or detached, else how it died (137: the container was killed). */
  exitCode: () => Promise<number | null>;
};

// The wrapper records the client's TTY (sh execs tmux, so it is the tmux client's own) where
// `detach` finds it; paths are passed as arguments, never put into the script.
const ATTACH = 'tty > "$1" && exec tmux new-session -A -s "$2"';
/**
 * How a tmux client joins the session: the participant's own (made if missing), an instructor
 * watching (`-f read-only`: tmux ignores its keys), or an instructor who took over (keys go in).
 * An instructor's client never makes a session and never resizes the participant's window
 * (`ignore-size`): they see it at the participant's size. (tmux ≥ 3.0; the shell has 3.3a.)
 */
export type TmuxMode = 'own' | 'watch' | 'control';
const ATTACH_AS: Record<TmuxMode, string> = {
  own: ATTACH,
  watch: 'tty > "$1" && exec tmux attach-session -t "=$2" -f read-only,ignore-size',
  control: 'tty > "$1" && exec tmux attach-session -t "=$2" -f ignore-size',
};
const DETACH = 'for i in 1 2 3 4 5 6 7 8 9 10; do [ -s "$1" ] && break; sleep 0.1; done; [ -s "$1" ] && tmux detach-client -t "$(cat "$1")" 2>/dev/null; rm -f "$1"';
const FORGET = 'rm -f "$1"';

/**
 * `docker exec -it <shell> tmux new-session -A -s <session>`: attach to the session, or make it
 * (a new or replaced container has none). The tmux server outlives its clients, so the next
 * connection finds the shell as it was left.
 */
export async function attachTmux(container: Docker.Container, size: TerminalSize, session = TMUX_SESSION, mode: TmuxMode = 'own'): Promise<TmuxClient> {
  const ttyFile = `/tmp/.faaslab-terminal-${randomBytes(8).toString('hex')}`;
  const exec = await container.exec({
    Cmd: unprivileged(['sh', '-c', ATTACH_AS[mode], 'sh', ttyFile, session]),
    AttachStdin: true, AttachStdout: true, AttachStderr: true, Tty: true,
    Env: TMUX_ENV,
    WorkingDir: SHELL_HOME,
  });
  const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
  const resize = async ({ cols, rows }: TerminalSize) => { await exec.resize({ w: cols, h: rows }); };
  // The engine here (API 1.41) has no ConsoleSize on exec create, so size it once it runs; like
  // docker's own CLI, try again for a moment while the engine says the process is not there yet.
  for (let i = 0; i < 10; i++) {
    try { await resize(size); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  // Wait for the helper to finish: a detached start would leave its connection to the engine open.
  const run = async (script: string) => {
    const helper = await container.exec({ Cmd: unprivileged(['sh', '-c', script, 'sh', ttyFile]), AttachStdout: true, AttachStderr: true });
    const out = await helper.start({ hijack: true, stdin: false });
    await finished(out.resume()).catch(() => { /* ended with the container */ });
  };
  const exitCode = async () => (await exec.inspect()).ExitCode ?? null;
  return { stream, resize, detach: () => run(DETACH), forget: () => run(FORGET), exitCode };
}
