import { currentParticipant } from '@/app/participant';
import { getJob, type JobEvent } from '@/lib/jobs/jobs';

export const dynamic = 'force-dynamic';

/** Server-sent events of one job: its history, then live events until it is done. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const job = getJob(id, await currentParticipant());
  if (!job) return new Response('No such job (it may have expired).\n', { status: 404 });
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (e: JobEvent) => {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(e)}\n\n`));
        if (e.type === 'done') { stop(); controller.close(); }
      };
      stop = job.follow(send);
      request.signal.addEventListener('abort', () => stop());
    },
    cancel() { stop(); },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive' } });
}
