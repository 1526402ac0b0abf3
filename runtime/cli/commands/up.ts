import type { Command } from 'commander';
import { stdio } from '../context';
import { deployTimeout } from '../deployment';
import { CliError } from '../errors';
import { compat } from '../flags';
import { addStackOptions } from '../stack-file';
import { addBuildOptions, addFunctionOptions, runBuild, stackFor, type BuildOptions } from './build';
import { addDeployOptions, runDeploy, type DeployOptions } from './deploy';
import { runPush } from './push';

type UpOptions = BuildOptions & DeployOptions & {
  skipPush?: boolean; skipDeploy?: boolean; publish?: boolean; platforms: string; remoteBuilder?: string; watch?: boolean;
};

const BUILDER = 'builds always go to the platform\'s builder, through the gateway';

/** `faas-cli up`: build, push (a note here: nothing to push), deploy; the stack is read once. */
export function registerUp(program: Command): void {
  const cmd = program
    .command('up')
    .description('Builds, pushes and deploys OpenFaaS function containers (build, push, deploy in one)')
    .option('--publish', compat('Use faas-cli publish instead of faas-cli build followed by faas-cli push', 'there is one platform here, so up builds and deploys as it does without it'))
    .option('--platforms <platforms>', compat('Publish for these platforms, when used with --publish', 'the sandbox runs linux/amd64 only'), 'linux/amd64')
    .option('--skip-push', 'Skip pushing function to remote registry')
    .option('--skip-deploy', 'Skip function deployment')
    .option('--remote-builder <url>', compat('URL to the builder', BUILDER))
    .option('--payload-secret <path>', compat('Path to payload secret file', BUILDER))
    .option('--watch', 'Watch for changes in files and re-deploy (not supported here yet: an error)');
  addStackOptions(cmd);
  addFunctionOptions(cmd);
  addBuildOptions(cmd);
  addDeployOptions(cmd);
  cmd.addHelpText('after', [
    '',
    'Examples:',
    '  faas-cli up -f hello-openfaas.yml',
    '  faas-cli up -f ./example.yml --filter=first',
    '  faas-cli up -f ./stack.yml --skip-deploy',
  ].join('\n'));
  cmd.action(async (o: UpOptions) => {
    if (o.watch) throw new CliError('--watch is not supported here yet', 'Run faas-cli up again after each change.');
    if (!o.publish && cmd.getOptionValueSource('platforms') === 'cli') throw new CliError('--platforms can only be used with the --publish flag');
    const stack = await stackFor(o, ['image', 'handler', 'name', 'lang']);
    await runBuild(stack, o);
    if (o.shrinkwrap) return;
    // faas-cli skips the push when a remote builder built the images (and pushed them).
    if (!o.skipPush && !o.remoteBuilder) {
      stdio.log('');
      runPush(stack, o);
    }
    if (!o.skipDeploy) {
      stdio.log('');
      await runDeploy(stack, o, deployTimeout(cmd, o.timeout));
    }
  });
}
