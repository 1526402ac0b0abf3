import { myWorkspace } from '@/app/api/workspace/workspace';
import { watchWorkspace } from '@/lib/workspace/watch';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events: {"type":"ready"}, then {"type":"changed","paths":[…]} whenever the
 * workspace changes (editor or shell). A comment every 25 s keeps proxies from closing it.
 */
export async function GET(request: Request) {
  const ws = await myWorkspace();
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => { try { controller.enqueue(encoder.encode(text)); } catch { stop(); } };
      const unwatch = watchWorkspace(ws.root, (paths) => send(`data: ${JSON.stringify({ type: 'changed', paths })}\n\n`));
      const beat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      stop = () => { clearInterval(beat); unwatch(); };
      send(`data: ${JSON.stringify({ type: 'ready' })}\n\n`);
      request.signal.addEventListener('abort', () => stop());
    },
    cancel() { stop(); },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' } });
}
