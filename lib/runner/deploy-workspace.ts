import path from 'node:path/posix';
import type { AppContext } from '../app-context';
import { validateFunctionName } from '../docker/names';
import { AppError, toErrorView } from '../errors';
import type { Job } from '../jobs/jobs';
import { ensureSandbox } from '../sandbox/provision';
import { SHELL_HOME } from '../sandbox/shell';
import { execInShell } from '../sandbox/shell-exec';
import { participantWorkspace } from '../workspace/participant';
import { lineSplitter } from './line-splitter';

export type DeployRequest = { participantId: string; stackFile: string; fn: string };

/** How many of the last lines of a failed `faas-cli up` the error shows. */
const EXCERPT_LINES = 15;

/**
 * The editor's Deploy: `faas-cli up -f <stack file> --filter <function>` in the participant's
 * own shell, from the stack file's folder — the very command a participant types, so the
 * editor and the terminal deploy the same files through the same builder, queue and deployer.
 * Every output line goes to the job as it comes; the stage moves to "deploy" when the CLI
 * starts deploying. Never throws: failures end the job with an error and the last lines.
 */
export async function deployFromWorkspace(ctx: AppContext, job: Job, req: DeployRequest): Promise<void> {
  try {
    // Both checked here, before anything runs: the stack file must be inside the workspace…
    participantWorkspace(ctx.cfg.dataDir, req.participantId).dir(req.stackFile);
    job.emit({ type: 'stage', stage: 'sandbox', at: Date.now() });
    const sandbox = await ensureSandbox(ctx, req.participantId, (line) => job.emit({ type: 'log', line }));
    // …and the function name one the platform accepts.
    const fn = validateFunctionName(req.fn, sandbox.instance, sandbox.id);
    job.emit({ type: 'stage', stage: 'build', at: Date.now() });
    const lines: string[] = [];
    let deploying = false;
    const split = lineSplitter((line) => {
      lines.push(line);
      if (!deploying && line.startsWith('Deploying: ')) { deploying = true; job.emit({ type: 'stage', stage: 'deploy', at: Date.now() }); }
      job.emit({ type: 'log', line });
    });
    job.emit({ type: 'log', line: `$ faas-cli up -f ${path.basename(req.stackFile)} --filter ${fn}` });
    // Names reach the shell as environment variables, never as part of the command line.
    const res = await execInShell(ctx.engine, sandbox.instance, sandbox.id, 'faas-cli up -f "$STACK" --filter "$FN"', {
      cwd: path.join(SHELL_HOME, path.dirname(req.stackFile)),
      env: [`STACK=${path.basename(req.stackFile)}`, `FN=${fn}`],
      onOutput: split.push,
    });
    split.end();
    if (res.code !== 0) {
      throw new AppError('deploy_failed', `faas-cli up failed (exit code ${res.code}); ${fn} was not deployed.`, {
        hint: 'Read the last lines below: they name the file and line to fix. Then press Deploy again.',
        detail: { excerpt: lines.slice(-EXCERPT_LINES).join('\n') },
      });
    }
    job.emit({ type: 'result', status: 200, body: `${fn} is deployed: press Invoke to call it.`, durationSeconds: null, timings: {} });
  } catch (err) {
    job.emit({ type: 'error', error: toErrorView(err) });
  } finally {
    job.emit({ type: 'done' });
  }
}
