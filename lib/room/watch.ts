import type Docker from 'dockerode';
import { WebSocket, type RawData } from 'ws';
import { log } from '../log';
import { parseControl } from '../terminal/control';
import { pipeToSocket } from '../terminal/pipe';
import { CLOSE } from '../terminal/protocol';
import { sendLine, sendMessage } from '../terminal/send';
import { attachTmux, tmuxSession, type TmuxClient } from '../terminal/tmux';
import { enterTerminal } from './presence';

export type WatchTarget = { container: Docker.Container; participantId: string; displayName: string; terminal: string; mode: 'watch' | 'control' };

/**
 * An instructor's view of a participant's terminal: a second tmux client of the same session.
 * Watching, it is read-only for tmux and, besides, its keystrokes are dropped here and never
 * reach the exec; after a take-over they go in as the participant's would. Text frames can only
 * resize the instructor's own view (the client ignores size, so the participant's window keeps
 * theirs). While it is open the participant's pages say an instructor is there.
 */
export async function serveWatch(ws: WebSocket, t: WatchTarget): Promise<void> {
  let tmux: TmuxClient | null = null;
  let socketClosed = false;
  const leave = enterTerminal(t.participantId, t.mode);
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (isBinary) {
      if (t.mode === 'control') tmux?.stream.write(bytes);
      return;
    }
    const msg = parseControl(bytes.toString('utf8'));
    if (msg) tmux?.resize({ cols: msg.cols, rows: msg.rows }).catch((err) => log.debug({ err }, 'watch resize failed'));
  });
  ws.on('error', (err) => log.debug({ err }, 'watch socket error'));
  ws.on('close', () => {
    socketClosed = true;
    leave();
    if (tmux) { tmux.detach().catch(() => {}); tmux.stream.destroy(); }
  });
  try {
    tmux = await attachTmux(t.container, { cols: 80, rows: 24 }, tmuxSession(t.terminal), t.mode);
  } catch (err) {
    leave();
    sendLine(ws, `${t.displayName}'s shell could not be reached.`, 'problem');
    if (ws.readyState === WebSocket.OPEN) ws.close(CLOSE.tryAgain, 'unavailable');
    log.debug({ err }, 'watch attach failed');
    return;
  }
  if (socketClosed) { tmux.detach().catch(() => {}); tmux.stream.destroy(); return; }
  sendMessage(ws, { type: 'status', status: 'attached' });
  pipeToSocket(tmux.stream, ws);
  const client = tmux;
  let ended = false;
  const onEnd = async () => {
    if (ended) return;
    ended = true;
    leave();
    if (socketClosed) return;
    client.forget().catch(() => {});
    const code = await client.exitCode().catch(() => null);
    // tmux says "can't find session" and exits 1 when the participant has not opened that terminal
    if (code !== 0) sendLine(ws, `${t.displayName} has no terminal ${t.terminal} open right now (or their shell restarted).`, 'problem');
    else sendLine(ws, `${t.displayName}'s terminal session ended.`);
    if (ws.readyState === WebSocket.OPEN) ws.close(CLOSE.normal, 'session ended');
  };
  tmux.stream.once('end', onEnd).once('close', onEnd);
}
