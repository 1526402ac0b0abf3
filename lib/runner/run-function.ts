import type { AppContext } from '../app-context';
import { buildFunction } from '../builder/build-function';
import { makeRoomForBuild } from '../builder/image-room';
import { buildQueue, PAUSED } from '../builder/queue';
import { validateFunctionName } from '../docker/names';
import { toErrorView } from '../errors';
import { invokeFunction } from '../faas/invoke';
import { pushRoute } from '../faas/routes';
import { buildPackageIndex } from '../pkgindex/for-builds';
import type { Job } from '../jobs/jobs';
import { deployFunction } from '../provider/deploy';
import { toDeployment } from '../provider/deployment';
import { serialised } from '../sandbox/locks';
import { ensureSandbox } from '../sandbox/provision';
import { functionDeployment } from '../stack';
import { storeImages } from '../store/resolve';
import { participantWorkspace } from '../workspace/participant';
import { stackSettings } from './stack-settings';

export type RunRequest = { participantId: string; fn: string; lang: string; file: string; content: string; input: string };

/**
 * The lesson's "Run": save the edited file, build the function from its template, deploy it
 * in the participant's sandbox and invoke it through the sandbox gateway, reporting each
 * stage and every build line to the job. Never throws: failures end the job with an error.
 */
export async function runFunction(ctx: AppContext, job: Job, req: RunRequest): Promise<void> {
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => { const now = Date.now(); timings[name] = now - t; t = now; };
  try {
    const ws = participantWorkspace(ctx.cfg.dataDir, req.participantId);
    ws.write(`${req.fn}/${req.file}`, req.content);
    job.emit({ type: 'stage', stage: 'sandbox', at: Date.now() });
    const sandbox = await ensureSandbox(ctx, req.participantId, (line) => job.emit({ type: 'log', line }));
    const fn = validateFunctionName(req.fn, sandbox.instance, sandbox.id);
    lap('sandbox');
    // One build/deploy per function at a time: a second click waits for the first.
    await serialised(`deploy:${sandbox.id}:${fn}`, async () => {
      job.emit({ type: 'stage', stage: 'build', at: Date.now() });
      await makeRoomForBuild(ctx.engine, { instance: sandbox.instance, sandboxId: sandbox.id }, fn, { maxImages: ctx.cfg.FAASLAB_MAX_IMAGES, diskMb: ctx.cfg.FAASLAB_IMAGE_DISK_MB });
      const packageIndex = await buildPackageIndex(ctx.engine, ctx.cfg);
      const build = (signal: AbortSignal) => buildFunction(ctx.engine, {
        root: ctx.cfg.root, instance: sandbox.instance, sandboxId: sandbox.id, fn, lang: req.lang,
        handlerDir: ws.dir(fn), images: ctx.images, packageIndex,
        timeoutMs: ctx.cfg.FAASLAB_BUILD_TIMEOUT_MS, isolation: ctx.cfg.FAASLAB_BUILD_ISOLATION, signal,
      }, (line) => job.emit({ type: 'log', line }));
      const { image } = await buildQueue(ctx.cfg.FAASLAB_BUILD_CONCURRENCY, ctx.cfg.FAASLAB_BUILDS_PER_SANDBOX).run(sandbox.id, build, {
        onPosition: (n) => job.emit({ type: 'log', line: `Waiting for a free builder: number ${n} in the queue…` }),
        onPaused: () => job.emit({ type: 'log', line: PAUSED }),
      });
      lap('build');
      job.emit({ type: 'stage', stage: 'deploy', at: Date.now() });
      const target = { instance: sandbox.instance, sandboxId: sandbox.id, networkId: sandbox.networkId, endpointMode: ctx.cfg.FAASLAB_ENDPOINT_MODE, maxFunctions: ctx.cfg.FAASLAB_MAX_FUNCTIONS };
      // Deploy as `faas-cli up` would: with the environment, labels, secrets… of the
      // participant's stack file for this function, if there is one.
      const settings = await stackSettings(ws, fn, (line) => job.emit({ type: 'log', line }));
      if (settings) job.emit({ type: 'log', line: `Deploying ${fn} with its settings from ${settings.file}.` });
      const request = settings ? functionDeployment(fn, settings.fn, image) : { service: fn, image };
      const deployment = await toDeployment(ctx.engine, { instance: sandbox.instance, sandboxId: sandbox.id }, request, storeImages(ctx.cfg.root, ctx.images));
      await deployFunction(ctx.engine, target, deployment, ctx.cfg.FAASLAB_DEPLOY_TIMEOUT_MS, (name, addresses) => pushRoute(sandbox.gatewayUrl, sandbox.token, name, addresses));
      ctx.q.upsertFunction({ sandbox_id: sandbox.id, name: fn, lang: req.lang, image });
      lap('deploy');
    });
    job.emit({ type: 'stage', stage: 'invoke', at: Date.now() });
    const res = await invokeFunction(sandbox.gatewayUrl, fn, req.input);
    lap('invoke');
    job.emit({ type: 'result', status: res.status, body: res.body, durationSeconds: res.durationSeconds, timings });
  } catch (err) {
    job.emit({ type: 'error', error: toErrorView(err) });
  } finally {
    job.emit({ type: 'done' });
  }
}
