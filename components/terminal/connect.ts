import type { Terminal } from '@xterm/xterm';
import ReconnectingWebSocket from 'partysocket/ws';
import { INPUT_CHUNK_BYTES, RESUME_PARAM, TERMINAL_PARAM, TERMINAL_PATH, type ServerMessage, type TerminalStatus } from '@/lib/terminal/protocol';
import type { ConnectionStatus } from './status';

const STATUS_OF: Record<TerminalStatus, ConnectionStatus> = { preparing: 'preparing', attached: 'connected', stopped: 'stopped' };
/** Output kept while xterm is still loading (a screenful is a few kB; tmux redraws anyway). */
const EARLY_OUTPUT_BYTES = 256 * 1024;

export type TerminalConnection = {
  /** Who hears the connection's status from now on (told the current one at once). */
  onStatus: (listener: (s: ConnectionStatus) => void) => void;
  /** Show the connection in this xterm (once it has loaded): what came before is written first. Returns: stop showing it. */
  attach: (term: Terminal) => () => void;
  /** Type text into the shell as if the participant had (a lesson's "Run in terminal"). */
  type: (text: string) => void;
  /** Disconnect for good. */
  close: () => void;
};

/**
 * The WebSocket of terminal `name` (protocol: lib/terminal/protocol.ts), reconnecting with
 * backoff after any close: the server re-attaches the same tmux session, which redraws. It is
 * opened at once, while xterm (the larger download) still loads, so the sandbox is claimed and
 * tmux attached meanwhile; output waits for the xterm.
 */
export function connectTerminal(name: string): TerminalConnection {
  let connects = 0;
  let status: ConnectionStatus = 'connecting';
  let listener: (s: ConnectionStatus) => void = () => {};
  const onStatus = (s: ConnectionStatus) => { status = s; listener(s); };
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
  const isOpen = () => socket.readyState === WebSocket.OPEN;
  const send = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i += INPUT_CHUNK_BYTES) socket.send(bytes.slice(i, i + INPUT_CHUNK_BYTES));
  };
  let term: Terminal | null = null;
  const sendSize = () => { if (term && isOpen()) socket.send(JSON.stringify({ type: 'resize', cols: term.cols, rows: term.rows })); };

  // Output before the xterm is there, and what a lesson types before the socket is open (the
  // participant's own keys are not kept), wait.
  let early: Uint8Array[] = [];
  let earlyBytes = 0;
  let typed: Uint8Array[] = [];
  socket.addEventListener('open', () => {
    // A reconnect re-attaches the same tmux session, which redraws all of it: start from a clean
    // screen so nothing shows twice (tmux keeps the history; the mouse wheel scrolls it).
    if (connects > 1) { term?.reset(); early = []; earlyBytes = 0; }
    sendSize(); typed.forEach(send); typed = [];
  });
  socket.addEventListener('close', () => onStatus('disconnected'));
  socket.addEventListener('message', (e: MessageEvent) => {
    if (e.data instanceof ArrayBuffer) {
      const bytes = new Uint8Array(e.data);
      if (term) term.write(bytes);
      else if (earlyBytes + bytes.length <= EARLY_OUTPUT_BYTES) { early.push(bytes); earlyBytes += bytes.length; }
      return;
    }
    const msg = JSON.parse(e.data as string) as ServerMessage;
    if (msg.type !== 'status') return;
    onStatus(STATUS_OF[msg.status]);
    // Sized again once tmux runs: a size the server applied while the exec was starting can be lost.
    if (msg.status === 'attached') sendSize();
  });
  const encoder = new TextEncoder();
  let subscriptions: { dispose: () => void }[] = [];
  const detach = () => { subscriptions.forEach((s) => s.dispose()); subscriptions = []; term = null; };
  return {
    onStatus: (l) => { listener = l; l(status); },
    attach: (t) => {
      term = t;
      early.forEach((b) => t.write(b));
      early = [];
      earlyBytes = 0;
      subscriptions.push(
        t.onData((data) => send(encoder.encode(data))),
        // Some mouse reports are not UTF-8: one byte per character.
        t.onBinary((data) => send(Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff))),
        t.onResize(sendSize),
      );
      sendSize();
      return detach;
    },
    type: (text) => { if (isOpen()) send(encoder.encode(text)); else typed.push(encoder.encode(text)); },
    close: () => {
      detach();
      socket.close();
    },
  };
}
