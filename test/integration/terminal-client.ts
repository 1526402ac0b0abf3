import { WebSocket } from 'ws';
import { PARTICIPANT_COOKIE } from '../../lib/session/participant';
import type { ServerMessage } from '../../lib/terminal/protocol';

/**
 * A terminal as a browser tab would be, for tests: connects with the participant's cookie,
 * collects what the terminal would show (as text) and the status messages, and can type.
 */
export class TerminalClient {
  output = '';
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary) this.output += data.toString('utf8');
      else this.messages.push(JSON.parse(data.toString('utf8')));
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static open(url: string, participantId: string | null, headers: Record<string, string> = {}): Promise<TerminalClient> {
    const cookie = participantId ? { Cookie: `${PARTICIPANT_COOKIE}=${participantId}` } : {};
    const ws = new WebSocket(url, { headers: { ...cookie, ...headers } });
    const client = new TerminalClient(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(client));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });
  }

  /** Wait until the terminal has shown text matching `pattern`; returns the match. */
  async waitFor(pattern: RegExp | string, timeoutMs = 60_000): Promise<string> {
    const re = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = re.exec(this.output);
      if (m) return m[0];
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}; the terminal showed:\n${this.output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Wait until the server says tmux is attached. */
  async attached(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.messages.some((m) => m.type === 'status' && m.status === 'attached')) {
      if (Date.now() > deadline || this.ws.readyState > WebSocket.OPEN) throw new Error(`not attached; the terminal showed:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  type(text: string): void {
    this.ws.send(Buffer.from(text), { binary: true });
  }

  resize(cols: number, rows: number): void {
    this.ws.send(JSON.stringify({ type: 'resize', cols, rows }));
  }

  close(): Promise<unknown> {
    this.ws.close();
    return this.closed;
  }
}
