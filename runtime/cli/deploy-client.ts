import http from 'node:http';
import { stdio, type Out } from './context';
import type { Gateway, GatewayResponse } from './gateway';
import type { FunctionDeployment } from './deployment';

export type DeployMode = { replace: boolean; update: boolean; timeoutMs: number };
/** A deploy the gateway refused: its status, and the platform's message and hint. */
export type DeployFailure = { name: string; status: number; message: string; hint?: string };


/**
 * faas-cli's proxy.DeployFunction: with --replace, delete first; with --update (the default)
 * PUT, and POST when the function is new (404); otherwise POST. Prints faas-cli's lines
 * (`Deployed. 202 Accepted.` and the function's URL on the gateway as the user named it);
 * returns the failure instead of throwing, so the other functions of a stack still deploy.
 */
export async function sendDeployment(gateway: Gateway, spec: FunctionDeployment, mode: DeployMode, out: Out = stdio): Promise<DeployFailure | null> {
  const name = spec.service;
  const ns = spec.namespace ?? '';
  const json = (body: unknown) => ({ auth: true, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' }, timeoutMs: mode.timeoutMs });
  if (mode.replace) {
    out.log(`Deleting: ${name}.${ns}`);
    const del = await gateway.request('DELETE', '/system/functions', json(ns ? { functionName: name, namespace: ns } : { functionName: name }));
    if (del.status >= 200 && del.status <= 202) out.log('Removing old function.');
  }
  let res: GatewayResponse | null = mode.update ? await gateway.request('PUT', '/system/functions', json(spec)) : null;
  if (!res || res.status === 404) res = await gateway.request('POST', '/system/functions', json(spec));
  else if (res.status === 200) out.log(`Function ${name} already exists, attempting rolling-update.`);
  out.log('');
  if (res.status >= 200 && res.status <= 202) {
    out.log(`Deployed. ${res.status} ${http.STATUS_CODES[res.status] ?? ''}.`);
    out.log(`URL: ${gateway.url}/function/${ns ? `${name}.${ns}` : name}`);
    out.log('');
    return null;
  }
  const [message, ...hint] = res.body.toString('utf8').trim().split('\n');
  out.log(`Unexpected status: ${res.status}, message: ${message}`);
  out.log('');
  return { name, status: res.status, message, hint: hint.join('\n') || undefined };
}
