'use server';

import { headers } from 'next/headers';
import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { payloadSecret } from '@/lib/builder/openfaas-builder';
import { toErrorView, type ErrorView } from '@/lib/errors';
import { publicGatewayUrl } from '@/lib/sandbox/public-gateway';
import { publicPorts } from '@/lib/sandbox/public-ports';
import { ensureSandbox } from '@/lib/sandbox/provision';

export type MyGateway = { url: string; pathUrl: string; user: string; password: string; payloadSecret: string } | { error: ErrorView };

/**
 * The participant's gateway as reachable from their laptop, with their credentials (made on
 * first need): its own port on the host the participant reached the platform by (every OpenFaaS
 * client works with it), the older /gateway/<id> form, and the remote builder's payload secret.
 */
export async function myGateway(): Promise<MyGateway> {
  try {
    const h = await headers();
    const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
    const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${host}`;
    const sandbox = await ensureSandbox(appContext(), await currentParticipant());
    const port = await publicPorts().ensure(sandbox.id);
    return {
      url: `http://${new URL(`http://${host}`).hostname}:${port}`,
      pathUrl: publicGatewayUrl(origin, sandbox.id),
      payloadSecret: payloadSecret(sandbox.token),
      ...sandbox.credentials,
    };
  } catch (err) {
    return { error: toErrorView(err) };
  }
}
