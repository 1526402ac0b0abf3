import type { Command } from 'commander';
import type { Stack } from '../../../lib/stack';
import { stdio, type Out } from '../context';
import { CliError } from '../errors';
import { compat, intOption } from '../flags';
import { parseTagFormat, taggedImage } from '../image-tag';
import { addStackOptions, requireStack, type StackOptions } from '../stack-file';
import { parallelism } from './build';

export type PushOptions = StackOptions & { parallel: number; tag: string };

/**
 * `faas-cli push`: on this platform there is nothing to push. Images are built on the one
 * machine whose Swarm runs the sandbox's functions, and no registry is configured, so each
 * image is already where it runs; say so for each function rather than pretend to push. With
 * FAASLAB_REGISTRY set, a registry is wanted, which is not supported yet: fail, saying that.
 */
export function runPush(stack: Stack, o: PushOptions, out: Out = stdio, env: NodeJS.ProcessEnv = process.env): void {
  parallelism(o.parallel);
  const tag = parseTagFormat(o.tag);
  if (env.FAASLAB_REGISTRY) {
    throw new CliError(`pushing to a registry (${env.FAASLAB_REGISTRY}) is not supported here yet`,
      'Images are built on the machine that runs your functions, so they need no push: unset FAASLAB_REGISTRY, or use faas-cli up --skip-push.');
  }
  for (const [name, fn] of Object.entries(stack.functions)) {
    if (fn.skip_build) {
      out.log(`Skipping ${name}`);
      continue;
    }
    const image = taggedImage(tag, fn.image, fn.handler ?? '.');
    out.log(`Push skipped for ${name}: ${image} is already on the single machine where this sandbox's Swarm runs it (no registry is configured, none is needed).`);
  }
}

export function registerPush(program: Command): void {
  const cmd = program
    .command('push')
    .description('Push OpenFaaS functions to a registry (not needed here: images are built where they run)')
    .addOption(intOption('--parallel <depth>', 'Push images in parallel to depth specified.', 1))
    .option('--tag <format>', "Override latest tag on function Docker image, accepts 'latest', 'sha', 'branch', or 'describe'", 'latest')
    .option('--quiet', compat('Perform a quiet push, without showing output from Docker', 'nothing is pushed, so there is no output to quieten'));
  addStackOptions(cmd);
  cmd.addHelpText('after', '\nExamples:\n  faas-cli push -f astronaut-finder.yml\n  faas-cli push -f ./stack.yml --filter "*finder"');
  cmd.action(async (o: PushOptions) => runPush((await requireStack(o)).stack, o));
}
