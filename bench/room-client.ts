/**
 * One simulated participant of bench/room.ts, speaking to the web app exactly as the browser
 * does: its own participant cookie, same-origin requests to the JSON APIs, and a terminal over
 * the terminal WebSocket (lib/terminal/protocol.ts) in which it types.
 */
import WebSocket from 'ws';
import { TERMINAL_PATH } from '../lib/terminal/protocol';

// CSI/OSC sequences and other escapes tmux draws with, so the screen's text can be searched.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78MDEc]/g;
export const plain = (s: string) => s.replace(ESCAPES, '');

export class Participant {
  private cookies = new Map<string, string>();
  private ws: WebSocket | null = null;
  private screen = '';
  private marks = 0;

  constructor(readonly base: string, readonly name: string) {}

  /** A same-origin JSON request with this participant's cookies; keeps what Set-Cookie gives. */
  async api(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(this.base + path, {
      method,
      headers: { origin: this.base, cookie: this.cookieHeader(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    let json: unknown = text;
    try { json = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: res.status, json };
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Open terminal 1 and wait until tmux is attached (the prompt is there). */
  async openTerminal(timeoutMs = 120_000): Promise<void> {
    const url = `${this.base.replace(/^http/, 'ws')}${TERMINAL_PATH}?terminal=1`;
    const ws = new WebSocket(url, { headers: { cookie: this.cookieHeader(), origin: this.base } });
    this.ws = ws;
    ws.on('message', (data, isBinary) => { if (isBinary) this.screen += plain(data.toString()); });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name}: terminal not attached in ${timeoutMs} ms`)), timeoutMs);
      ws.on('message', (data, isBinary) => {
        if (!isBinary && JSON.parse(data.toString()).status === 'attached') { clearTimeout(timer); resolve(); }
      });
      ws.on('error', (err) => { clearTimeout(timer); reject(err); });
      ws.on('close', (code) => { clearTimeout(timer); reject(new Error(`${this.name}: terminal closed (${code})`)); });
    });
    ws.send(JSON.stringify({ type: 'resize', cols: 120, rows: 40 }));
  }

  /** Type a command line, keystroke by keystroke as a person would (a few ms apart). */
  private async typeLine(line: string): Promise<void> {
    for (const ch of `${line}\r`) {
      this.ws!.send(Buffer.from(ch));
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /**
   * Type `command`, then a marker line that prints the command's exit status once the shell
   * reads it; resolves with that status and what the terminal showed meanwhile.
   */
  async run(command: string, timeoutMs = 600_000): Promise<{ code: number; output: string }> {
    const n = ++this.marks;
    const from = this.screen.length;
    await this.typeLine(command);
    await this.typeLine(`printf '%s-%s\\n' MARK${n} $?`);
    const done = new RegExp(`MARK${n}-(\\d+)`);
    const t0 = Date.now();
    for (;;) {
      const m = done.exec(this.screen.slice(from));
      if (m) return { code: Number(m[1]), output: this.screen.slice(from) };
      if (Date.now() - t0 > timeoutMs) throw new Error(`${this.name}: "${command}" did not finish in ${timeoutMs} ms; the terminal shows:\n${this.screen.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  close(): void {
    this.ws?.close();
  }
}
