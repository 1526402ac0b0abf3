import type { StackFunction } from '../../lib/stack';
import type { Command } from 'commander';
import { parseKeyValues, repeatable } from './go-flags';

/** OpenFaaS's FunctionDeployment (POST/PUT /system/functions), the fields faas-cli sends. */
export type FunctionDeployment = {
  service: string;
  image: string;
  envProcess?: string;
  envVars?: Record<string, string>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  constraints?: string[];
  secrets?: string[];
  limits?: { memory?: string; cpu?: string };
  requests?: { memory?: string; cpu?: string };
  readOnlyRootFilesystem?: boolean;
  namespace?: string;
};

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

/** faas-cli's mergeSlice: the flags' values first, then the stack's that are not among them. */
function merge(stack: string[] = [], flags: string[] = []): string[] {
  return [...flags, ...stack.filter((v) => !flags.includes(v))];
}

const nonEmpty = <T extends object>(m: T | undefined): T | undefined => (m && Object.keys(m).length ? m : undefined);

/**
 * The FunctionDeployment for one function of a stack (environment_file already merged into
 * `environment`), as faas-cli deploy builds it: flags win over the stack (-e, -l, --annotation
 * add to and override its maps; --secret adds to its secrets; --constraint applies when the
 * stack has none); fprocess comes from --fprocess, else the stack, else the template.
 */
export function functionDeployment(name: string, fn: StackFunction, image: string, flags: DeploymentFlags, templateFprocess?: string): FunctionDeployment {
  const d: FunctionDeployment = { service: name, image };
  const envProcess = flags.fprocess || fn.fprocess || templateFprocess;
  if (envProcess) d.envProcess = envProcess;
  d.envVars = nonEmpty({ ...fn.environment, ...parseKeyValues(flags.env ?? [], 'env') });
  d.labels = nonEmpty({ ...fn.labels, ...parseKeyValues(flags.label ?? [], 'label') });
  d.annotations = nonEmpty({ ...fn.annotations, ...parseKeyValues(flags.annotation ?? [], 'annotation') });
  d.constraints = nonEmpty(fn.constraints?.length ? fn.constraints : flags.constraint ?? []);
  d.secrets = nonEmpty(merge(fn.secrets, flags.secret));
  d.limits = nonEmpty(fn.limits);
  d.requests = nonEmpty(fn.requests);
  if (fn.readonly_root_filesystem || flags.readonly) d.readOnlyRootFilesystem = true;
  if (fn.namespace) d.namespace = fn.namespace;
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as FunctionDeployment;
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
