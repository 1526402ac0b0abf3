import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { AppError, isAppError, toErrorView } from '@/lib/errors';
import { participantDashboard } from '@/lib/metrics/dashboard';
import { metricsRequestSchema } from '@/lib/metrics/panels';

export const dynamic = 'force-dynamic';

/**
 * The Dashboard tab's charts: GET ?window=5|15|60&panels=invocations,count,duration,replicas →
 * the participant's own series, or { error } with the status of its code. The browser picks
 * panels and a window; the queries are made on the server (lib/metrics/panels.ts).
 */
export async function GET(request: Request) {
  try {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = metricsRequestSchema.safeParse(query);
    if (!parsed.success) {
      throw new AppError('invalid', `Bad dashboard request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}.`, { hint: 'Use ?window=5, 15 or 60 and, optionally, panels=invocations,count,duration,replicas.' });
    }
    return Response.json(await participantDashboard(appContext(), await currentParticipant(), parsed.data), { headers: { 'Cache-Control': 'no-store' } });
  } catch (err) {
    return Response.json({ error: toErrorView(err) }, { status: isAppError(err) ? err.status : 500 });
  }
}
