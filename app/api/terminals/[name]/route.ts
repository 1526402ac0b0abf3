import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { toErrorView } from '@/lib/errors';
import { execInShell } from '@/lib/sandbox/shell-exec';
import { TERMINAL_NAME } from '@/lib/terminal/protocol';
import { tmuxSession } from '@/lib/terminal/tmux';

export const dynamic = 'force-dynamic';

/** Close a terminal for good: end its tmux session (and what runs in it). Terminal "1" stays. */
export async function DELETE(_req: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  if (!TERMINAL_NAME.test(name) || name === '1') {
    return Response.json({ error: { code: 'invalid', message: `Terminal ${JSON.stringify(name.slice(0, 20))} cannot be closed: terminal names are 2 to 8 (1 always stays).` } }, { status: 400 });
  }
  try {
    const ctx = appContext();
    const sandbox = ctx.q.sandboxOf(await currentParticipant());
    if (sandbox) await execInShell(ctx.engine, sandbox.instance, sandbox.id, 'tmux kill-session -t "$S" 2>/dev/null || true', { env: [`S=${tmuxSession(name)}`] });
    return Response.json({ ok: true });
  } catch (err) {
    const e = toErrorView(err);
    return Response.json({ error: e }, { status: e.code === 'unavailable' ? 503 : 500 });
  }
}
