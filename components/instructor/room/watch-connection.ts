import type { Terminal } from '@xterm/xterm';
import type { TerminalConnection } from '@/components/terminal/connect';
import type { ConnectionStatus } from '@/components/terminal/status';
import { INPUT_CHUNK_BYTES, type ServerMessage } from '@/lib/terminal/protocol';

/** The path of lib/room/watch-server.ts (kept here as a string: that module is server-only). */
const WATCH_PATH = '/api/instructor/terminal';

/**
 * A member's terminal for the instructor (lib/room/watch-server.ts), in the shape the workbench's
 * xterm takes (components/terminal/open-terminal.ts). No reconnecting: the instructor chooses
 * when to look again. Watching, keystrokes are not even sent (the server drops them anyway).
 */
export function connectWatch(workshopId: string, memberKey: string, mode: 'watch' | 'control', terminal = '1'): TerminalConnection {
  const q = new URLSearchParams({ workshop: workshopId, member: memberKey, mode, terminal });
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WATCH_PATH}?${q}`);
  socket.binaryType = 'arraybuffer';
  let status: ConnectionStatus = 'connecting';
  let listener: (s: ConnectionStatus) => void = () => {};
  const setStatus = (s: ConnectionStatus) => { status = s; listener(s); };
  let term: Terminal | null = null;
  const early: Uint8Array[] = [];
  const open = () => socket.readyState === WebSocket.OPEN;
  const encoder = new TextEncoder();
  const send = (bytes: Uint8Array) => { if (mode !== 'control' || !open()) return; for (let i = 0; i < bytes.length; i += INPUT_CHUNK_BYTES) socket.send(bytes.slice(i, i + INPUT_CHUNK_BYTES)); };
  const sendSize = () => { if (term && open()) socket.send(JSON.stringify({ type: 'resize', cols: term.cols, rows: term.rows })); };
  socket.addEventListener('open', sendSize);
  socket.addEventListener('close', () => setStatus('disconnected'));
  socket.addEventListener('message', (e: MessageEvent) => {
    if (e.data instanceof ArrayBuffer) {
      const bytes = new Uint8Array(e.data);
      if (term) term.write(bytes); else early.push(bytes);
      return;
    }
    const msg = JSON.parse(e.data as string) as ServerMessage;
    if (msg.type === 'status' && msg.status === 'attached') { setStatus('connected'); sendSize(); }
  });
  let subscriptions: { dispose: () => void }[] = [];
  return {
    onStatus: (l) => { listener = l; l(status); },
    attach: (t) => {
      term = t;
      early.splice(0).forEach((b) => t.write(b));
      // A new size makes tmux redraw the whole view; what xterm reflowed meanwhile would linger beside it.
      subscriptions.push(t.onData((d) => send(encoder.encode(d))), t.onResize(() => { t.clear(); sendSize(); }));
      sendSize();
      return () => { subscriptions.forEach((s) => s.dispose()); subscriptions = []; term = null; };
    },
    type: (text) => send(encoder.encode(text)),
    close: () => { subscriptions.forEach((s) => s.dispose()); socket.close(); },
  };
}
