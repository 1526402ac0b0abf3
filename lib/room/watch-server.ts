import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { parseCookie } from 'cookie';
import { WebSocketServer } from 'ws';
import type { AppContext } from '../app-context';
import { isAppError } from '../errors';
import { log } from '../log';
import { instructorOfCookie } from '../instructor/request';
import { INSTRUCTOR_COOKIE } from '../instructor/session-cookie';
import { isSameOrigin } from '../session/request';
import { runningShell } from '../terminal/running-shell';
import { startHeartbeat } from '../terminal/heartbeat';
import { MAX_FRAME_BYTES, TERMINAL_NAME } from '../terminal/protocol';
import { refuseUpgrade } from '../terminal/refuse';
import { ownWorkshop } from '../workshops/workshops';
import { memberByKey } from './load';
import { MEMBER_KEY } from './member-key';
import { serveWatch } from './watch';

/**
 * The instructor's view of a member's terminal, a WebSocket at WATCH_PATH:
 *   ?workshop=<session id>&member=<member key>&mode=watch|control[&terminal=1-8]
 * The same frames as the participant's terminal (lib/terminal/protocol.ts); in `watch` mode the
 * server drops every keystroke. Refused before upgrading: a malformed request (400), another
 * site's page (403), no valid instructor cookie (401), a session that is not the instructor's
 * own or a member key not of that session (404), a member without a running sandbox (409).
 * Watching never makes or wakes a sandbox, and is not activity for its idle timeout.
 */
export const WATCH_PATH = '/api/instructor/terminal';
const MAX_WATCHERS = 32;

export type WatchServer = { handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean; close: () => void };
export type WatchDeps = { ctx: AppContext; secret: string };

export function watchServer(deps: () => WatchDeps, opts: { heartbeatMs?: number } = {}): WatchServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  const stopHeartbeat = startHeartbeat(wss, opts.heartbeatMs ?? 25_000);
  let closed = false;

  async function accept(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): Promise<void> {
    const p = (name: string) => url.searchParams.get(name) ?? '';
    const mode = p('mode');
    const terminal = p('terminal') || '1';
    if ((mode !== 'watch' && mode !== 'control') || !MEMBER_KEY.test(p('member')) || !TERMINAL_NAME.test(terminal) || !p('workshop')) return refuseUpgrade(socket, 400, 'Give ?workshop, ?member, ?mode=watch|control.\n');
    if (!isSameOrigin(req)) return refuseUpgrade(socket, 403, 'Only this site\'s own pages can watch a terminal.\n');
    if (wss.clients.size >= MAX_WATCHERS) return refuseUpgrade(socket, 429, 'Too many terminals are being watched at once.\n');
    const { ctx, secret } = deps();
    const me = await instructorOfCookie({ q: ctx.q, secret }, parseCookie(req.headers.cookie ?? '')[INSTRUCTOR_COOKIE]);
    if (!me) return refuseUpgrade(socket, 401, 'Log in as an instructor at /instructor/login.\n');
    let pid: string | null = null;
    let workshopId = '';
    try {
      const w = ownWorkshop(ctx.q, me.id, p('workshop'));
      workshopId = w.id;
      pid = memberByKey({ q: ctx.q, secret }, w, p('member'));
    } catch (err) {
      if (!isAppError(err) || err.code !== 'not_found') throw err;
    }
    if (!pid) return refuseUpgrade(socket, 404, 'You have no session with that member.\n');
    const sandbox = ctx.q.sandboxOf(pid);
    if (!sandbox || sandbox.status !== 'ready') return refuseUpgrade(socket, 409, 'They have no sandbox running right now.\n');
    const container = await runningShell(ctx.engine, sandbox.instance, sandbox.id, () => {}, 5000);
    const displayName = ctx.q.member(workshopId, pid)!.display_name;
    wss.handleUpgrade(req, socket, head, (ws) => {
      // (the heartbeat counts a client from this event: without it every view was dropped at its first tick)
      wss.emit('connection', ws, req);
      serveWatch(ws, { container, participantId: pid, displayName, terminal, mode }).catch((err) => { log.error({ err }, 'watch failed'); ws.terminate(); });
    });
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WATCH_PATH) return false;
    if (closed) { refuseUpgrade(socket, 503, 'FaaS Lab is restarting.\n'); return true; }
    accept(req, socket, head, url).catch((err) => {
      log.warn({ err }, 'watch refused');
      refuseUpgrade(socket, isAppError(err) ? err.status : 500, `${isAppError(err) ? err.message : 'The terminal could not be opened.'}\n`);
    });
    return true;
  }

  return {
    handleUpgrade,
    close: () => { closed = true; stopHeartbeat(); for (const ws of wss.clients) ws.close(1001, 'server stopping'); wss.close(); },
  };
}
