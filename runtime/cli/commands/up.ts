import type { Command } from 'commander';
import { stdio } from '../context';
import { acceptGoBooleans } from '../go-flags';
import { addStackOptions } from '../stack-file';
import { addBuildOptions, addFunctionOptions, BUILD_BOOLEANS, runBuild, stackFor, STACK_BOOLEANS, type BuildOptions } from './build';
import { addDeployOptions, DEPLOY_BOOLEANS, runDeploy, type DeployOptions } from './deploy';
import { runPush } from './push';

type UpOptions = BuildOptions & DeployOptions & { skipPush?: boolean; skipDeploy?: boolean };

/** `faas-cli up`: build, push (a note here: nothing to push), deploy; the stack is read once. */
export function registerUp(program: Command): void {
  const cmd = program
    .command('up')
    .description('Builds, pushes and deploys OpenFaaS function containers (build, push, deploy in one)')
    .option('--skip-push', 'Skip pushing function to remote registry')
    .option('--skip-deploy', 'Skip function deployment');
  addStackOptions(cmd);
  addFunctionOptions(cmd);
  addBuildOptions(cmd);
  addDeployOptions(cmd);
  acceptGoBooleans(cmd, ['skip-push', 'skip-deploy', ...STACK_BOOLEANS, ...BUILD_BOOLEANS, ...DEPLOY_BOOLEANS]);
  cmd.addHelpText('after', [
    '',
    'Examples:',
    '  faas-cli up -f hello-openfaas.yml',
    '  faas-cli up -f ./example.yml --filter=first',
    '  faas-cli up -f ./stack.yml --skip-deploy',
  ].join('\n'));
  cmd.action(async (o: UpOptions) => {
    const stack = await stackFor(o, ['image', 'handler', 'name', 'lang']);
    await runBuild(stack, o);
    if (o.shrinkwrap) return;
    if (!o.skipPush) {
      stdio.log('');
      runPush(stack, o);
    }
    if (!o.skipDeploy) {
      stdio.log('');
      await runDeploy(stack, o);
    }
  });
}
