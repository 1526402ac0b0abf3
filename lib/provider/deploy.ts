import type Docker from 'dockerode';
import { inspectServiceOrNull, waitForTasks, type TaskView } from '../docker/services';
import { AppError } from '../errors';
import { functionServiceSpec, type FunctionDeployment, type SandboxTarget } from './spec';

const FAILED = new Set(['failed', 'rejected', 'orphaned']);

/**
 * Create or update a function's service and wait until the new version is the only one
 * running, so the next invocation is answered by the new code. A version that fails to start
 * is reported with the engine's reason while the previous one keeps serving.
 */
export async function deployFunction(engine: Docker, target: SandboxTarget, d: FunctionDeployment, timeoutMs: number): Promise<{ created: boolean }> {
  const spec = functionServiceSpec(target, d);
  const name = spec.Name as string;
  const existing = await inspectServiceOrNull(engine, name);
  if (existing) {
    await engine.getService(name).update({ ...spec, version: existing.Version.Index });
  } else {
    await engine.createService(spec);
  }
  const converged = (tasks: TaskView[]) => {
    const running = tasks.filter((t) => t.state === 'running');
    return running.length > 0 && running.every((t) => t.image === d.image && t.desired === 'running');
  };
  let failure: TaskView | undefined;
  const { ok, tasks } = await waitForTasks(engine, name, (tasks) => {
    failure = tasks.find((t) => t.image === d.image && FAILED.has(t.state));
    return Boolean(failure) || converged(tasks);
  }, timeoutMs);
  if (failure) {
    throw new AppError('deploy_failed', `Function "${d.name}" failed to start: ${failure.error ?? failure.message}.`, {
      hint: 'Check the function logs; the previous version, if any, keeps serving.',
    });
  }
  if (!ok) {
    const states = tasks.map((t) => `${t.state}${t.error ? ` (${t.error})` : ''}`).join(', ') || 'no tasks';
    throw new AppError('timeout', `Function "${d.name}" was not running after ${timeoutMs / 1000} s (tasks: ${states}).`);
  }
  return { created: !existing };
}
