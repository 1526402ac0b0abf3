import type { Terminal } from '@xterm/xterm';
import ReconnectingWebSocket from 'partysocket/ws';
import { INPUT_CHUNK_BYTES, RESUME_PARAM, TERMINAL_PARAM, TERMINAL_PATH, type ServerMessage, type TerminalStatus } from '@/lib/terminal/protocol';
import type { ConnectionStatus } from './status';

const STATUS_OF: Record<TerminalStatus, ConnectionStatus> = { preparing: 'preparing', attached: 'connected', stopped: 'stopped' };

export type TerminalConnection = {
  /** Type text into the shell as if the participant had (a lesson's "Run in terminal"). */
  type: (text: string) => void;
  /** Disconnect for good. */
  close: () => void;
};

/**
 * Wire an xterm to the terminal WebSocket of terminal `name` (protocol: lib/terminal/protocol.ts),
 * reconnecting with backoff after any close: the server re-attaches the same tmux session,
 * which redraws.
 */
export function connectTerminal(term: Terminal, name: string, onStatus: (s: ConnectionStatus) => void): TerminalConnection {
  let connects = 0;
  // Later connections are automatic reconnects: they must not re-make a removed sandbox unasked.
  const url = () => {
    const q = new URLSearchParams({ [TERMINAL_PARAM]: name });
    if (connects++ > 0) q.set(RESUME_PARAM, '1');
    return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${TERMINAL_PATH}?${q}`;
  };
  const socket = new ReconnectingWebSocket(url, undefined, {
    // Keystrokes typed while disconnected are dropped, not replayed into a later shell.
    maxEnqueuedMessages: 0,
    minReconnectionDelay: 1000,
    maxReconnectionDelay: 10_000,
    reconnectionDelayGrowFactor: 1.5,
    connectionTimeout: 10_000,
  });
  socket.binaryType = 'arraybuffer';
  const send = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i += INPUT_CHUNK_BYTES) socket.send(bytes.slice(i, i + INPUT_CHUNK_BYTES));
  };
  const sendSize = () => socket.send(JSON.stringify({ type: 'resize', cols: term.cols, rows: term.rows }));

  // What a lesson types before the socket is open waits for it (the participant's own keys do not).
  let typed: Uint8Array[] = [];
  socket.addEventListener('open', () => {
    // A reconnect re-attaches the same tmux session, which redraws all of it: start from a clean
    // screen so nothing shows twice (tmux keeps the history; the mouse wheel scrolls it).
    if (connects > 1) term.reset();
    sendSize(); typed.forEach(send); typed = [];
  });
  socket.addEventListener('close', () => onStatus('disconnected'));
  socket.addEventListener('message', (e: MessageEvent) => {
    if (e.data instanceof ArrayBuffer) { term.write(new Uint8Array(e.data)); return; }
    const msg = JSON.parse(e.data as string) as ServerMessage;
    if (msg.type === 'status') onStatus(STATUS_OF[msg.status]);
  });
  const encoder = new TextEncoder();
  const subscriptions = [
    term.onData((data) => send(encoder.encode(data))),
    // Some mouse reports are not UTF-8: one byte per character.
    term.onBinary((data) => send(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff))),
    term.onResize(sendSize),
  ];
  return {
    type: (text) => { if (socket.readyState === WebSocket.OPEN) send(encoder.encode(text)); else typed.push(encoder.encode(text)); },
    close: () => {
      subscriptions.forEach((s) => s.dispose());
      socket.close();
    },
  };
}
