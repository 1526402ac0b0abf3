'use server';

import { headers } from 'next/headers';
import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { toErrorView, type ErrorView } from '@/lib/errors';
import { publicGatewayUrl } from '@/lib/sandbox/public-gateway';
import { ensureSandbox } from '@/lib/sandbox/provision';

export type MyGateway = { url: string; user: string; password: string } | { error: ErrorView };

/** The participant's gateway as reachable from their laptop, with their credentials (made on first need). */
export async function myGateway(): Promise<MyGateway> {
  try {
    const h = await headers();
    const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'}`;
    const sandbox = await ensureSandbox(appContext(), await currentParticipant());
    return { url: publicGatewayUrl(origin, sandbox.id), ...sandbox.credentials };
  } catch (err) {
    return { error: toErrorView(err) };
  }
}
