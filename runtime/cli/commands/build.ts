import type { Command } from 'commander';
import type { Stack } from '../../../lib/stack';
import { buildStack, type BuildFlags } from '../builds';
import { gatewayFor } from '../context';
import { CliError } from '../errors';
import { gatewayFlag } from '../common-flags';
import { resourcesFromFlags, type ResourceFlags } from '../deployment';
import { compat, intOption } from '../flags';
import { repeatable } from '../go-flags';
import { parseTagFormat } from '../image-tag';
import { addStackOptions, requireStack, type StackOptions } from '../stack-file';

/** The flags of a function given without a stack file (build/deploy --image … --name …). */
export type FunctionFlags = ResourceFlags & { image?: string; name?: string; handler?: string; lang?: string; tag: string };
export type BuildOptions = StackOptions & FunctionFlags & {
  cache: boolean; parallel: number; shrinkwrap?: boolean; buildArg?: string[]; buildOption?: string[]; quiet?: boolean; gateway?: string;
  buildLabel?: string[]; copyExtra?: string[];
};

export function addFunctionOptions(cmd: Command): Command {
  return cmd
    .option('--image <image>', 'Docker image name to build (without a stack file)')
    .option('--name <name>', 'Name of the deployed function (without a stack file)')
    .option('--handler <folder>', 'Directory with handler for function, e.g. ./hello-openfaas (without a stack file)')
    .option('--lang <language>', 'Programming language template (without a stack file)')
    .option('--tag <format>', "Override latest tag on function Docker image, accepts 'latest', 'sha', 'branch', or 'describe'", 'latest');
}

export function addBuildOptions(cmd: Command): Command {
  cmd
    .option('--no-cache', "Do not use Docker's build cache")
    .option('--squash', compat("Use Docker's squash flag for smaller images [experimental]", 'the platform\'s builder makes its images in layers'))
    .addOption(intOption('--parallel <depth>', 'Build in parallel to depth specified.', 1))
    .option('--shrinkwrap', 'Just write files to ./build/ folder for shrink-wrapping')
    .option('-b, --build-arg <KEY=VALUE>', 'Add a build-arg for Docker (repeatable)', repeatable)
    .option('-o, --build-option <option>', 'Set a build option from the template, e.g. dev (repeatable)', repeatable)
    .option('--build-label <LABEL=VALUE>', 'Add a label for Docker image (repeatable; not supported by the platform\'s builder yet: an error)', repeatable)
    .option('--copy-extra <path>', 'Extra paths that will be copied into the function build context (repeatable; not supported by the platform\'s builder yet: an error)', repeatable)
    .option('--quiet', 'Perform a quiet build, without showing output from Docker')
    .option('--disable-stack-pull', compat('Disables the template configuration in the stack.yml', 'templates come from the platform, so none is pulled'))
    .option('--pull', compat('Force a re-pull of base images in template during build', 'the builder uses the platform\'s own base images'));
  return cmd;
}

/** faas-cli's --parallel check. */
export function parallelism(n: number): number {
  if (n < 1) throw new CliError('the --parallel flag must be great than 0', 'For example --parallel=2 builds two functions at a time.');
  return n;
}

/** --build-label and --copy-extra, which the platform's builder cannot take yet: say so rather than build without them. */
function checkUnsupported(o: BuildOptions): void {
  for (const [flag, given] of [['--build-label', o.buildLabel], ['--copy-extra', o.copyExtra]] as const) {
    if (given?.length) throw new CliError(`${flag} is not supported by this platform's builder yet`, `Build without ${flag}.`);
  }
}

/** faas-cli's parseBuildArgs: KEY=VALUE, trimmed, neither empty; ADDITIONAL_PACKAGE values add up. */
export function parseBuildArgs(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of args) {
    const i = kv.indexOf('=');
    if (i < 0) throw new CliError('each build-arg must take the form key=value', `got "${kv}", e.g. --build-arg NPM_VERSION=0.2.2`);
    const [k, v] = [kv.slice(0, i).trim(), kv.slice(i + 1).trim()];
    if (!k) throw new CliError('build-arg must have a non-empty key');
    if (!v) throw new CliError('build-arg must have a non-empty value');
    out[k] = k === 'ADDITIONAL_PACKAGE' && out[k] ? `${out[k]} ${v}` : v;
  }
  return out;
}

export function buildFlags(o: BuildOptions): BuildFlags {
  checkUnsupported(o);
  return {
    parallel: parallelism(o.parallel),
    noCache: o.cache === false,
    buildArgs: parseBuildArgs(o.buildArg ?? []),
    buildOptions: o.buildOption ?? [],
    quiet: Boolean(o.quiet),
    shrinkwrap: Boolean(o.shrinkwrap),
    tag: parseTagFormat(o.tag),
  };
}

/** A one-function stack from --image/--name/--handler/--lang, for commands run without a stack file. */
export function stackFromFlags(o: FunctionFlags, needs: (keyof FunctionFlags)[]): Stack {
  const messages: Partial<Record<keyof FunctionFlags, string>> = {
    image: 'please provide a valid --image name for your Docker image',
    handler: "please provide the full path to your function's handler",
    name: 'please provide the deployed --name of your function',
    lang: 'please provide the --lang of your function',
  };
  for (const key of needs) {
    if (!o[key]) throw new CliError(messages[key] ?? `please provide --${key}`, 'Or give a stack file with -f (default stack.yml).');
  }
  return {
    version: '1.0',
    provider: { name: 'openfaas' },
    functions: { [o.name!]: { image: o.image!, lang: o.lang, handler: o.handler, ...resourcesFromFlags(o) } },
  };
}

/** The stack to work on: -f or stack.yml; without either, the function given by flags. */
export async function stackFor(o: BuildOptions | (StackOptions & FunctionFlags), needs: (keyof FunctionFlags)[]): Promise<Stack> {
  if (!o.yaml && o.image) return stackFromFlags(o, needs);
  return (await requireStack(o)).stack;
}

export async function runBuild(stack: Stack, o: BuildOptions): Promise<void> {
  await buildStack(gatewayFor(o.gateway, stack.provider.gateway), stack, buildFlags(o));
}

export function registerBuild(program: Command): void {
  const cmd = program
    .command('build')
    .description('Builds OpenFaaS function containers (on the platform\'s builder: your handler folder is uploaded through the gateway)');
  // Not a flag of faas-cli build: here builds go through the gateway, so it says which one.
  gatewayFlag(cmd, 'Gateway URL starting with http(s):// (the builder is reached through it)');
  addStackOptions(cmd);
  addFunctionOptions(cmd);
  addBuildOptions(cmd);
  cmd.addHelpText('after', [
    '',
    'Examples:',
    '  faas-cli build -f hello-openfaas.yml',
    '  faas-cli build -f ./example.yml --parallel=2',
    '  faas-cli build -f ./example.yml --filter=second',
    '  faas-cli build -f ./stack.yml --no-cache --build-arg KEY=VALUE',
    '  faas-cli build -f ./stack.yml --tag sha',
    '  faas-cli build -f ./stack.yml --shrinkwrap',
    '  faas-cli build --image=my-fn:latest --lang=python3 --handler=./my-fn --name=my-fn',
  ].join('\n'));
  cmd.action(async (o: BuildOptions) => runBuild(await stackFor(o, ['image', 'handler', 'name', 'lang']), o));
}
