/** One message of Docker's JSON-lines progress streams (build, import, pull). */
export type DockerStreamMessage = {
  stream?: string;
  status?: string;
  progress?: string;
  id?: string;
  aux?: { ID?: string };
  error?: string;
  errorDetail?: { code?: number; message?: string };
};

/**
 * Splits Docker's JSON-lines stream into messages. Chunks may end mid-line (or mid
 * UTF-8 character), so a partial line is kept until its newline arrives.
 */
export class DockerJsonStreamParser {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  /** Feed a chunk; returns the complete messages it finished. */
  push(chunk: Uint8Array | string): DockerStreamMessage[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const lines = this.buffer.split('\n');
    this.buffer = lines.pop() ?? '';
    return lines.flatMap(parseLine);
  }

  /** Flush a trailing line without newline at the end of the stream. */
  end(): DockerStreamMessage[] {
    const rest = this.buffer + this.decoder.decode();
    this.buffer = '';
    return parseLine(rest);
  }
}

function parseLine(line: string): DockerStreamMessage[] {
  const trimmed = line.trim();
  if (!trimmed) return [];
  try {
    return [JSON.parse(trimmed) as DockerStreamMessage];
  } catch {
    // Not JSON (some daemons interleave plain text): keep it as output rather than drop it.
    return [{ stream: `${trimmed}\n` }];
  }
}

/** Read a whole Docker progress stream, calling onMessage for each message in order. */
export async function readDockerStream(
  stream: NodeJS.ReadableStream,
  onMessage: (m: DockerStreamMessage) => void,
): Promise<void> {
  const parser = new DockerJsonStreamParser();
  for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
    for (const m of parser.push(chunk)) onMessage(m);
  }
  for (const m of parser.end()) onMessage(m);
}
