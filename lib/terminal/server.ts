import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { log } from '../log';
import type { SandboxDeps } from '../sandbox/provision';
import { isSameOrigin, participantOfRequest } from '../session/request';
import { serveTerminal } from './bridge';
import { startHeartbeat } from './heartbeat';
import { CLOSE, MAX_FRAME_BYTES, RESUME_PARAM, TERMINAL_NAME, TERMINAL_PARAM, TERMINAL_PATH } from './protocol';
import { refuseUpgrade } from './refuse';

export type TerminalServer = {
  /** Take the upgrade if it is for the terminal (true), else leave it to others (false). */
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
  /** Close every terminal with 1001 and refuse new ones (the browsers reconnect to the next server). */
  close: () => void;
};

type Options = { maxPerParticipant?: number; heartbeatMs?: number };

/** Connections one participant may hold at once: up to 8 terminals, in two tabs. */
export const MAX_TERMINALS_PER_PARTICIPANT = 16;

/**
 * The terminals' WebSocket endpoint, for the HTTP server's `upgrade` event. Only the participant
 * named by the cookie is served, and only their own sandbox; a tab per terminal, a few at most.
 */
export function terminalServer(deps: () => SandboxDeps, { maxPerParticipant = MAX_TERMINALS_PER_PARTICIPANT, heartbeatMs = 25_000 }: Options = {}): TerminalServer {
  // No compression: keystrokes are tiny and the output is sent as it comes.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  const stopHeartbeat = startHeartbeat(wss, heartbeatMs);
  const perParticipant = new Map<string, number>();
  let closed = false;

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== TERMINAL_PATH) return false;
    if (closed) { refuseUpgrade(socket, 503, 'FaaS Lab is restarting: the terminal reconnects by itself.\n'); return true; }
    const terminal = url.searchParams.get(TERMINAL_PARAM) ?? '1';
    if (!TERMINAL_NAME.test(terminal)) { refuseUpgrade(socket, 400, 'Terminal names are 1 to 8.\n'); return true; }
    if (!isSameOrigin(req)) { refuseUpgrade(socket, 403, 'Terminal connections are only accepted from this site\'s own pages.\n'); return true; }
    const participantId = participantOfRequest(req);
    if (!participantId) { refuseUpgrade(socket, 401, 'No participant cookie: open a workshop page first.\n'); return true; }
    const count = perParticipant.get(participantId) ?? 0;
    if (count >= maxPerParticipant) { refuseUpgrade(socket, 429, `At most ${maxPerParticipant} terminals at once: close one first.\n`); return true; }
    perParticipant.set(participantId, count + 1);
    socket.once('close', () => {
      const left = (perParticipant.get(participantId) ?? 1) - 1;
      if (left > 0) perParticipant.set(participantId, left);
      else perParticipant.delete(participantId);
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit('connection', ws, req);
      serveTerminal(ws, deps, participantId, { resume: url.searchParams.get(RESUME_PARAM) === '1', terminal }).catch((err) => { log.error({ err }, 'terminal failed'); ws.terminate(); });
    });
    return true;
  }

  function close(): void {
    closed = true;
    stopHeartbeat();
    for (const ws of wss.clients) ws.close(CLOSE.goingAway, 'server stopping');
    wss.close();
  }

  return { handleUpgrade, close };
}
