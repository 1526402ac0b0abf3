import { z } from 'zod';
import { AppError } from '../errors';
import { MAX_REPLICAS } from '../provider/spec';
import { gatewayRefusal } from './errors';
import { gatewayRequest, type PortalGateway } from './gateway-client';

/** What the portal's table shows of a function (OpenFaaS UI's columns). */
export type PortalFunction = {
  name: string;
  image: string;
  replicas: number;
  availableReplicas: number;
  invocationCount: number;
  /** OpenFaaS UI's Status: Ready once a replica runs; scaled to zero wakes on the next call. */
  status: 'Ready' | 'Not Ready' | 'Scaled to zero';
};

// The gateway's FunctionStatus, the fields the portal reads (others ignored).
const statusSchema = z.object({
  name: z.string(),
  image: z.string().default(''),
  replicas: z.number().default(0),
  availableReplicas: z.number().default(0),
  invocationCount: z.number().default(0),
});

/** GET /system/functions, as faas-cli list does. */
export async function listFunctions(gw: PortalGateway): Promise<PortalFunction[]> {
  const reply = await gatewayRequest(gw, 'GET', '/system/functions', { auth: true, timeoutMs: 10_000 });
  if (reply.status !== 200) throw gatewayRefusal(reply, 'list your functions');
  const parsed = z.array(statusSchema).safeParse(safeJson(reply.body.toString('utf8')));
  if (!parsed.success) throw new AppError('internal', 'Your gateway sent a function list the portal cannot read.');
  return parsed.data.map((f) => ({ ...f, status: f.availableReplicas > 0 ? 'Ready' : f.replicas === 0 ? 'Scaled to zero' : 'Not Ready' }));
}

/** A function name as OpenFaaS accepts one (DNS label), checked before it goes into a URL. */
export const functionNameSchema = z.string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'A function name is lower-case letters, digits and dashes (at most 63), starting and ending with a letter or digit.');

export const scaleSchema = z.object({
  replicas: z.number({ error: 'replicas must be a number' }).int('replicas must be a whole number')
    .min(0, 'replicas must be 0 or more (0 stops the function until it is called)')
    .max(MAX_REPLICAS, `At most ${MAX_REPLICAS} replicas per function in this sandbox.`),
});

/** POST /system/scale-function/<name> { serviceName, replicas }, as faas-cli scale does. */
export async function scaleFunction(gw: PortalGateway, name: string, replicas: number): Promise<void> {
  const reply = await gatewayRequest(gw, 'POST', `/system/scale-function/${encodeURIComponent(name)}`, {
    auth: true, body: JSON.stringify({ serviceName: name, replicas }), headers: { 'Content-Type': 'application/json' },
  });
  if (reply.status < 200 || reply.status > 202) throw gatewayRefusal(reply, `scale "${name}"`);
}

/** DELETE /system/functions { functionName }, as faas-cli remove does. */
export async function removeFunction(gw: PortalGateway, name: string): Promise<void> {
  const reply = await gatewayRequest(gw, 'DELETE', '/system/functions', {
    auth: true, body: JSON.stringify({ functionName: name }), headers: { 'Content-Type': 'application/json' }, timeoutMs: 60_000,
  });
  if (reply.status < 200 || reply.status > 202) throw gatewayRefusal(reply, `delete "${name}"`);
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
