/**
 * Docker's multiplexed log stream (non-TTY containers and services): frames of an 8-byte
 * header (stream type, 3 zero bytes, big-endian payload size) then the payload. Frames need
 * not end on a line, nor chunks on a frame: both are buffered until complete.
 */
export class LogDemuxer {
  private buf: Buffer = Buffer.alloc(0);
  private readonly partial: Record<number, string> = {};

  constructor(private readonly onLine: (line: string, stream: 'stdout' | 'stderr') => void) {}

  push(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    while (this.buf.length >= 8) {
      const size = this.buf.readUInt32BE(4);
      if (this.buf.length < 8 + size) break;
      const type = this.buf[0];
      this.text(type, this.buf.subarray(8, 8 + size).toString('utf8'));
      this.buf = this.buf.subarray(8 + size);
    }
  }

  /** Flush lines that never got their newline. */
  end(): void {
    for (const [type, rest] of Object.entries(this.partial)) if (rest) this.onLine(rest, Number(type) === 2 ? 'stderr' : 'stdout');
  }

  private text(type: number, text: string): void {
    const lines = ((this.partial[type] ?? '') + text).split('\n');
    this.partial[type] = lines.pop() ?? '';
    for (const line of lines) this.onLine(line, type === 2 ? 'stderr' : 'stdout');
  }
}
