import type { WebSocketServer, WebSocket } from 'ws';

/**
 * Ping every client each interval and drop those that did not answer the previous ping: a
 * laptop that sleeps or loses Wi-Fi sends no close, and its tmux client would stay attached
 * (a process in the participant's shell) until TCP gave up, hours later.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>();
  wss.on('connection', (ws) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
  });
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) { ws.terminate(); continue; }
      alive.delete(ws);
      ws.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
