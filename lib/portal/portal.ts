import { AppError } from '../errors';
import type { AppContext } from '../app-context';
import { MAX_REPLICAS } from '../provider/spec';
import { functionNameSchema, listFunctions, removeFunction, scaleFunction, type PortalFunction } from './functions';
import { invokeFunction, type invokeSchema, type InvokeResult } from './invoke';
import { portalGateway } from './sandbox';
import { deployFromStore, storeItems, type PortalStoreItem, type StoreDeploy } from './store';
import type { z } from 'zod';

/**
 * What the Portal tab does, for one participant, always against their own gateway (never a
 * gateway named by the request). The routes in app/api/portal/ only parse and answer.
 */
export function portal(ctx: AppContext, participantId: string) {
  const gateway = (activity: boolean) => portalGateway(ctx, participantId, { activity });
  return {
    async functions(): Promise<{ functions: PortalFunction[]; maxReplicas: number }> {
      return { functions: await listFunctions(await gateway(false)), maxReplicas: MAX_REPLICAS };
    },
    store(): PortalStoreItem[] {
      return storeItems(ctx.cfg.root, ctx.images);
    },
    async deploy(want: StoreDeploy): Promise<{ name: string }> {
      return { name: await deployFromStore(await gateway(true), ctx.cfg.root, want) };
    },
    async invoke(name: string, input: z.output<typeof invokeSchema>): Promise<InvokeResult> {
      return invokeFunction(await gateway(true), checkName(name), input);
    },
    async scale(name: string, replicas: number): Promise<void> {
      await scaleFunction(await gateway(true), checkName(name), replicas);
    },
    async remove(name: string): Promise<void> {
      await removeFunction(await gateway(true), checkName(name));
    },
  };
}

function checkName(name: string): string {
  const parsed = functionNameSchema.safeParse(name);
  if (!parsed.success) throw new AppError('invalid', `"${name.slice(0, 70)}" is not a function name. ${parsed.error.issues[0]?.message ?? ''}`.trim());
  return parsed.data;
}
