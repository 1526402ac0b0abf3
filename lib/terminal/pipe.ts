import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';

// Flow control: a command that prints without end (`yes`) must not fill the web app's memory
// faster than a slow browser reads; pause the exec stream until the socket has drained.
const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 64 * 1024;

/** tmux's output to the browser, as binary frames, with back-pressure. */
export function pipeToSocket(stream: Duplex, ws: WebSocket): void {
  let paused = false;
  stream.on('data', (chunk: Buffer) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    ws.send(chunk, { binary: true }, () => {
      if (paused && ws.bufferedAmount < LOW_WATER) {
        paused = false;
        stream.resume();
      }
    });
    if (!paused && ws.bufferedAmount > HIGH_WATER) {
      paused = true;
      stream.pause();
    }
  });
}
