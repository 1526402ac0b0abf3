import type { ErrorView } from '@/lib/errors';
import type { CheckResult } from '@/lib/lessons/checks';

export type CheckAnswer = CheckResult | { error: Pick<ErrorView, 'message' | 'hint'> };

/** Ask the server to run a step's check (app/api/checks); a network failure is an answer too. */
export async function requestCheck(lab: string, step: string, id: string): Promise<CheckAnswer> {
  try {
    const res = await fetch('/api/checks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ lab, step, id }) });
    const body = (await res.json().catch(() => null)) as CheckAnswer | null;
    if (body && ('passed' in body || 'error' in body)) return body;
    return { error: { message: `The check could not be run (HTTP ${res.status}).`, hint: 'Try again in a moment.' } };
  } catch {
    return { error: { message: 'The check could not reach the server.', hint: 'Check your connection, then try again.' } };
  }
}
