import type { AppContext } from '../app-context';
import { AppError } from '../errors';
import { execInShell } from '../sandbox/shell-exec';
import { TMUX_ENV, TMUX_SESSION } from '../sandbox/shell';
import { TERMINAL_NAME } from '../terminal/protocol';

/** One of a participant's terminals as the instructor's watch panel lists it. */
export type MemberTerminal = {
  /** The workbench's name: "1" to "8". */
  name: string;
  /** When tmux last saw input or output in it (ms since the epoch). */
  lastActiveAt: number;
  /** tmux clients attached now (the participant's tabs, and any instructor watching). */
  clients: number;
};
export type MemberTerminals = { terminals: MemberTerminal[]; latest: string };

/** One line per tmux session: name, last activity (s), clients; tab-separated so a name cannot shift the columns. */
export const LIST_SESSIONS = "tmux list-sessions -F $'#{session_name}\\t#{session_activity}\\t#{session_attached}' 2>/dev/null || true";

/** The workbench's terminal name of a tmux session (tmux.ts's tmuxSession backwards), or null for one made by hand in the shell. */
function terminalName(session: string): string | null {
  if (session === TMUX_SESSION) return '1';
  const name = session.startsWith('t') ? session.slice(1) : '';
  return TERMINAL_NAME.test(name) && name !== '1' ? name : null;
}

/**
 * The terminals in `tmux list-sessions` output, by name, and the one used last ("1" when none
 * is open). The shell is the participant's: lines that are not exactly a workbench terminal's
 * session (one they made by hand, anything their shell prints) are left out.
 */
export function parseTerminals(stdout: string): MemberTerminals {
  const terminals: MemberTerminal[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^([^\t]+)\t(\d{1,12})\t(\d{1,4})$/.exec(line.trim());
    const name = m ? terminalName(m[1]) : null;
    if (!m || !name || terminals.some((t) => t.name === name)) continue;
    terminals.push({ name, lastActiveAt: Number(m[2]) * 1000, clients: Number(m[3]) });
  }
  terminals.sort((a, b) => Number(a.name) - Number(b.name));
  // the most recent activity; on a tie (tmux counts whole seconds) the higher name, the newer terminal
  const latest = terminals.reduce<MemberTerminal | null>((best, t) => (!best || t.lastActiveAt >= best.lastActiveAt ? t : best), null);
  return { terminals, latest: latest?.name ?? '1' };
}

/**
 * A participant's open terminals, read from the tmux sessions in their running shell (the
 * workbench keeps its list in the participant's browser, out of the server's reach). Never
 * makes or wakes a sandbox: 409 without a running one, as watching says.
 */
export const memberTerminals = (ctx: Pick<AppContext, 'q' | 'engine'>) => async (participantId: string): Promise<MemberTerminals> => {
  const sandbox = ctx.q.sandboxOf(participantId);
  if (!sandbox || sandbox.status !== 'ready') throw new AppError('conflict', 'They have no sandbox running right now, so no terminal to watch.', { hint: 'Their terminals come back when they open a lab page.' });
  const r = await execInShell(ctx.engine, sandbox.instance, sandbox.id, LIST_SESSIONS, { env: TMUX_ENV });
  return parseTerminals(r.stdout);
};
