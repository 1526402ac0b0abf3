import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Stack } from '../../../lib/stack';
import { gatewayFor, stdio } from '../context';
import { sendDeployment, type DeployFailure } from '../deploy-client';
import { addSettingFlags, deployTimeout, functionDeployment, type DeploymentFlags } from '../deployment';
import { CliError } from '../errors';
import { compat } from '../flags';
import { parseTagFormat, taggedImage } from '../image-tag';
import { addStackOptions, withEnvironmentFiles, type StackOptions } from '../stack-file';
import { templateFor } from '../template-aliases';
import { LOCAL_TEMPLATES, readTemplateYml, templatesRoot } from '../templates';
import { addFunctionOptions, stackFor, type FunctionFlags } from './build';

export type DeployOptions = StackOptions & FunctionFlags & DeploymentFlags & {
  gateway?: string; replace: boolean; update: boolean; readTemplate: boolean; network?: string; timeout: number;
};

export function addDeployOptions(cmd: Command): Command {
  addSettingFlags(cmd)
    .option('--fprocess <process>', 'fprocess value to be run as a serverless function by the watchdog')
    .option('--readonly', "Force the function's root filesystem to be read only")
    .option('--replace', 'Remove and re-create existing function(s) (with --update=false)', false)
    .option('--update', 'Perform rolling update on existing function(s) (--update=false to turn off)', true)
    .option('--read-template', 'Read the function\'s template to set the fprocess (--read-template=false to turn off)', true)
    .option('--network <name>', compat('Name of the network', 'faas-cli sends it to no gateway, and the sandbox has one network'));
  return cmd;
}

/** The fprocess of a template: the platform's template.yml, else ./template/<lang>/template.yml. */
function templateFprocess(lang: string | undefined): string | undefined {
  if (!lang || lang === 'dockerfile') return undefined;
  for (const dir of [path.join(templatesRoot(), templateFor(lang)), path.join(LOCAL_TEMPLATES, lang)]) {
    if (fs.existsSync(path.join(dir, 'template.yml'))) return readTemplateYml(dir).fprocess;
  }
  return undefined;
}

/**
 * `faas-cli deploy` for every function of a stack (environment_file merged in), or the one
 * function given with --image and --name. Every function is tried; the failures are reported
 * at the end.
 */
export async function runDeploy(stack: Stack, o: DeployOptions, timeoutMs: number): Promise<void> {
  if (o.update && o.replace) {
    throw new CliError('cannot specify --update and --replace at the same time',
      'One of --update or --replace must be false:\n  --replace --update=false  removes an existing deployment before re-creating it\n  --update                  performs a rolling update to a new function image or configuration (default true)');
  }
  const tag = parseTagFormat(o.tag);
  const gateway = gatewayFor(o.gateway, stack.provider.gateway);
  const withFiles = await withEnvironmentFiles(stack);
  const failures: DeployFailure[] = [];
  for (const [name, fn] of Object.entries(withFiles.functions)) {
    stdio.log(`Deploying: ${name}.`);
    const image = taggedImage(tag, fn.image, fn.handler ?? '.');
    const spec = functionDeployment(name, fn, image, o, o.readTemplate ? templateFprocess(fn.lang) : undefined);
    const failure = await sendDeployment(gateway, spec, { replace: o.replace, update: o.update, timeoutMs });
    if (failure) failures.push(failure);
  }
  if (failures.length) {
    const hints = [...new Set(failures.map((f) => f.hint).filter(Boolean))];
    throw new CliError(failures.map((f) => `Function '${f.name}' failed to deploy with status code: ${f.status}`).join('\n'), hints.join('\n') || undefined);
  }
}

export function registerDeploy(program: Command): void {
  const cmd = program.command('deploy').description('Deploy OpenFaaS functions');
  addStackOptions(cmd);
  addFunctionOptions(cmd);
  addDeployOptions(cmd);
  cmd.addHelpText('after', [
    '',
    'Examples:',
    '  faas-cli deploy -f hello-openfaas.yml',
    '  faas-cli deploy -f ./stack.yml --filter "*finder" --label canary=true',
    '  faas-cli deploy -f ./stack.yml --env write_debug=true',
    '  faas-cli deploy -f ./stack.yml --replace --update=false',
    '  faas-cli deploy --image=functions/alpine:latest --name=env --fprocess=env',
  ].join('\n'));
  cmd.action(async (o: DeployOptions) => runDeploy(await stackFor(o, ['image', 'name']), o, deployTimeout(cmd, o.timeout)));
}
