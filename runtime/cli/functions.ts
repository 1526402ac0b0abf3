import { z } from 'zod';
import { CliError } from './errors';
import { Gateway } from './gateway';
import { namespaceQuery } from './common-flags';

/** What faas-cli reads of the gateway's FunctionStatus (list and describe). */
const functionStatusSchema = z.object({
  name: z.string(),
  image: z.string().default(''),
  invocationCount: z.number().default(0),
  replicas: z.number().default(0),
  availableReplicas: z.number().default(0),
  envProcess: z.string().default(''),
  labels: z.record(z.string(), z.string()).nullish(),
  annotations: z.record(z.string(), z.string()).nullish(),
  envVars: z.record(z.string(), z.string()).nullish(),
  secrets: z.array(z.string()).nullish(),
  constraints: z.array(z.string()).nullish(),
  limits: z.object({ memory: z.string().optional(), cpu: z.string().optional() }).nullish(),
  requests: z.object({ memory: z.string().optional(), cpu: z.string().optional() }).nullish(),
  readOnlyRootFilesystem: z.boolean().nullish(),
  createdAt: z.string().nullish(),
});
export type FunctionStatus = z.infer<typeof functionStatusSchema>;

function parse<T>(schema: z.ZodType<T>, body: Buffer, gateway: Gateway): T {
  try {
    return schema.parse(JSON.parse(body.toString('utf8')));
  } catch {
    throw new CliError(`cannot parse result from OpenFaaS on URL: ${gateway.url}`, 'Is OPENFAAS_URL (or -g) the address of an OpenFaaS gateway?');
  }
}

const query = (params: string[]) => (params.some(Boolean) ? `?${params.filter(Boolean).join('&')}` : '');

/** GET /system/functions[?namespace=<ns>]. */
export async function listFunctions(gateway: Gateway, namespace = ''): Promise<FunctionStatus[]> {
  const res = Gateway.expect(await gateway.request('GET', `/system/functions${query([namespaceQuery(namespace)])}`, { auth: true }), [200], 'cannot list functions');
  return parse(z.array(functionStatusSchema), res.body, gateway);
}

/** GET /system/function/<name>?[namespace=<ns>&]usage=1, as faas-cli asks; a missing function is faas-cli's "No such function". */
export async function getFunction(gateway: Gateway, name: string, namespace = ''): Promise<FunctionStatus> {
  const res = await gateway.request('GET', `/system/function/${encodeURIComponent(name)}${query([namespaceQuery(namespace), 'usage=1'])}`, { auth: true });
  if (res.status === 404) throw new CliError(`No such function: ${name}`, 'See the functions you have with: faas-cli list');
  return parse(functionStatusSchema, Gateway.expect(res, [200], `cannot describe ${name}`).body, gateway);
}
