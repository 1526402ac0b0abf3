import type { Command } from 'commander';
import { functionDeployment as stackDeployment, type FunctionDeploymentRequest as FunctionDeployment, type StackFunction } from '../../lib/stack';
import { parseKeyValues, repeatable } from './go-flags';

export type { FunctionDeploymentRequest as FunctionDeployment } from '../../lib/stack';

/** The deploy flags that change what is deployed (faas-cli deploy / up). */
export type DeploymentFlags = {
  env?: string[];
  label?: string[];
  annotation?: string[];
  constraint?: string[];
  secret?: string[];
  readonly?: boolean;
  fprocess?: string;
};

/** faas-cli deploy's FunctionDeployment for a stack function plus the command's flags (see lib/stack/deployment.ts). */
export function functionDeployment(name: string, fn: StackFunction, image: string, flags: DeploymentFlags, templateFprocess?: string): FunctionDeployment {
  return stackDeployment(name, fn, image, {
    env: parseKeyValues(flags.env ?? [], 'env'),
    labels: parseKeyValues(flags.label ?? [], 'label'),
    annotations: parseKeyValues(flags.annotation ?? [], 'annotation'),
    constraints: flags.constraint,
    secrets: flags.secret,
    readonly: flags.readonly,
    fprocess: flags.fprocess,
  }, templateFprocess);
}

/** The flags `deploy` and `store deploy` share: gateway, env, labels, annotations, constraints, secrets. */
export function addSettingFlags(cmd: Command): Command {
  return cmd
    .option('-g, --gateway <url>', 'Gateway URL starting with http(s)://')
    .option('-e, --env <ENVVAR=VALUE>', 'Set one or more environment variables (repeatable)', repeatable)
    .option('-l, --label <LABEL=VALUE>', 'Set one or more label (repeatable)', repeatable)
    .option('--annotation <ANNOTATION=VALUE>', 'Set one or more annotation (repeatable)', repeatable)
    .option('--constraint <constraint>', 'Apply a constraint to the function (repeatable)', repeatable)
    .option('--secret <name>', 'Give the function access to a secure secret (repeatable)', repeatable);
}
