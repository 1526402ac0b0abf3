import { WebSocket } from 'ws';
import type { ServerMessage } from './protocol';

const STYLE = { info: '\x1b[2m', ok: '\x1b[32m', problem: '\x1b[31m' } as const;

/** A JSON status message (text frame), if the socket is still open. */
export function sendMessage(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
}

/** One line of the platform's own text into the terminal (binary frame, like tmux's output). */
export function sendLine(ws: WebSocket, text: string, style: keyof typeof STYLE = 'info'): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.from(`${STYLE[style]}${text}\x1b[0m\r\n`), { binary: true });
}
