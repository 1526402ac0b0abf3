import type { Command } from 'commander';
import { functionDeployment as stackDeployment, type FunctionDeploymentRequest as FunctionDeployment, type StackFunction } from '../../lib/stack';
import { checkNamespace, gatewayFlag, namespaceFlag, tlsFlag, tokenFlag } from './common-flags';
import { durationOption } from './flags';
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
  namespace?: string;
};

/** faas-cli deploy's FunctionDeployment for a stack function plus the command's flags (see lib/stack/deployment.ts). */
export function functionDeployment(name: string, fn: StackFunction, image: string, flags: DeploymentFlags, templateFprocess?: string): FunctionDeployment {
  // faas-cli's getNamespace: -n, else the stack's namespace:; here only openfaas-fn (or none) is one.
  const namespace = checkNamespace(flags.namespace || fn.namespace);
  return stackDeployment(name, { ...fn, namespace: namespace || undefined }, image, {
    env: parseKeyValues(flags.env ?? [], 'env'),
    labels: parseKeyValues(flags.label ?? [], 'label'),
    annotations: parseKeyValues(flags.annotation ?? [], 'annotation'),
    constraints: flags.constraint,
    secrets: flags.secret,
    readonly: flags.readonly,
    fprocess: flags.fprocess,
  }, templateFprocess);
}

/**
 * The flags `deploy` and `store deploy` share: gateway, namespace, env, labels, annotations,
 * constraints, secrets, the API timeout, resources (both take them only for a function given
 * without a stack file), TLS and token.
 */
export function addSettingFlags(cmd: Command): Command {
  tokenFlag(tlsFlag(namespaceFlag(gatewayFlag(cmd))))
    .addOption(durationOption('--timeout <duration>', 'Timeout for any HTTP calls made to the OpenFaaS API (unless given, a deploy here waits up to 2m0s, so that the platform\'s own 1m0s start-up check can answer first)', '1m0s'))
    .option('--cpu-request <cpu>', 'Supply the CPU request for the function (without a stack file; NanoCPUs here, e.g. 100000000)')
    .option('--cpu-limit <cpu>', 'Supply the CPU limit for the function (without a stack file; NanoCPUs here, e.g. 500000000)')
    .option('--memory-request <memory>', 'Supply the memory request for the function (without a stack file), e.g. 64M')
    .option('--memory-limit <memory>', 'Supply the memory limit for the function (without a stack file), e.g. 128M');
  return cmd
    .option('-e, --env <ENVVAR=VALUE>', 'Set one or more environment variables (repeatable)', repeatable)
    .option('-l, --label <LABEL=VALUE>', 'Set one or more label (repeatable)', repeatable)
    .option('--annotation <ANNOTATION=VALUE>', 'Set one or more annotation (repeatable)', repeatable)
    .option('--constraint <constraint>', 'Apply a constraint to the function (repeatable)', repeatable)
    .option('--secret <name>', 'Give the function access to a secure secret (repeatable)', repeatable);
}

/** The resource flags, for a function given without a stack file (faas-cli ignores them with one). */
export type ResourceFlags = { cpuRequest?: string; cpuLimit?: string; memoryRequest?: string; memoryLimit?: string };

export function resourcesFromFlags(o: ResourceFlags): Pick<StackFunction, 'limits' | 'requests'> {
  const pick = (memory?: string, cpu?: string) => (memory || cpu ? { ...(memory ? { memory } : {}), ...(cpu ? { cpu } : {}) } : undefined);
  const limits = pick(o.memoryLimit, o.cpuLimit);
  const requests = pick(o.memoryRequest, o.cpuRequest);
  return { ...(limits ? { limits } : {}), ...(requests ? { requests } : {}) };
}

/** The request timeout of a deploy: --timeout when given, else 2 minutes (see the flag's help). */
export const deployTimeout = (cmd: Command, timeout: number) => (cmd.getOptionValueSource('timeout') === 'cli' ? timeout : 120_000);
