import { z } from 'zod';
import { AppError } from '../errors';
import type { ImageManifest } from '../platform/manifest';
import { functionDeployment, type StackFunction } from '../stack';
import { readCatalog, type StoreEntry } from '../store/catalog';
import { gatewayRefusal } from './errors';
import { functionNameSchema } from './functions';
import { gatewayRequest, type PortalGateway } from './gateway-client';

/** A store function as the portal's "Deploy from the store" list shows it. */
export type PortalStoreItem = { name: string; title: string; description: string; image: string; available: boolean };

/**
 * The offline store's catalog (store/catalog.json, read each time so a new entry shows without
 * a restart); `available` is false for an entry whose image set-up has not built on this
 * machine, which the provider would refuse to deploy.
 */
export function storeItems(root: string, images: ImageManifest): PortalStoreItem[] {
  return readCatalog(root).map((e) => ({ name: e.name, title: e.title, description: e.description, image: e.image, available: Boolean(images.store[e.name]) }));
}

export const storeDeploySchema = z.object({
  store: z.string().min(1, 'Choose a function from the store.').max(100),
  name: functionNameSchema.optional().describe('Name to deploy it as (faas-cli store deploy --name); the store\'s name by default.'),
});
export type StoreDeploy = z.infer<typeof storeDeploySchema>;

/**
 * Deploy a store function as `faas-cli store deploy` does (runtime/cli/commands/store.ts): the
 * entry's image, fprocess, environment, labels and annotations as one FunctionDeployment, sent
 * with PUT (an update of a function of that name) and POST when the gateway says it is new.
 * Returns the name it was deployed as.
 */
export async function deployFromStore(gw: PortalGateway, root: string, want: StoreDeploy): Promise<string> {
  const entry = findEntry(readCatalog(root), want.store);
  const name = want.name || entry.name;
  const fn = { image: entry.image, fprocess: entry.fprocess, environment: entry.environment, labels: entry.labels, annotations: entry.annotations } as StackFunction;
  const body = JSON.stringify(functionDeployment(name, fn, entry.image));
  const send = (method: 'PUT' | 'POST') => gatewayRequest(gw, method, '/system/functions', { auth: true, body, headers: { 'Content-Type': 'application/json' }, timeoutMs: 120_000 });
  let reply = await send('PUT');
  if (reply.status === 404) reply = await send('POST');
  if (reply.status < 200 || reply.status > 202) throw gatewayRefusal(reply, `deploy "${name}"`);
  return name;
}

/** By name or title, ignoring case, as faas-cli's store finds one ("Figlet" finds figlet). */
function findEntry(entries: StoreEntry[], wanted: string): StoreEntry {
  const w = wanted.toLowerCase();
  const entry = entries.find((e) => e.name === wanted) ?? entries.find((e) => e.name.toLowerCase() === w || e.title.toLowerCase() === w);
  if (!entry) throw new AppError('not_found', `The store has no function "${wanted}".`, { hint: 'Pick one from the list; faas-cli store list in the terminal shows the same.' });
  return entry;
}
