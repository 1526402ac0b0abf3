import type { StackFunction } from './schema';

/** OpenFaaS's FunctionDeployment (POST/PUT /system/functions), the fields faas-cli sends. */
export type FunctionDeploymentRequest = {
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

/** What `faas-cli deploy` flags add to a stack function (already parsed). */
export type DeploymentOverrides = {
  env?: Record<string, string>;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  constraints?: string[];
  secrets?: string[];
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
 * `environment`), as faas-cli deploy builds it: overrides win over the stack (env, labels and
 * annotations add to and override its maps; secrets add to its secrets; constraints apply when
 * the stack has none); fprocess comes from the override, else the stack, else the template.
 * Used by faas-cli and by the lesson's Run button, so both deploy a function the same way.
 */
export function functionDeployment(name: string, fn: StackFunction, image: string, o: DeploymentOverrides = {}, templateFprocess?: string): FunctionDeploymentRequest {
  const d: FunctionDeploymentRequest = { service: name, image };
  const envProcess = o.fprocess || fn.fprocess || templateFprocess;
  if (envProcess) d.envProcess = envProcess;
  d.envVars = nonEmpty({ ...fn.environment, ...o.env });
  d.labels = nonEmpty({ ...fn.labels, ...o.labels });
  d.annotations = nonEmpty({ ...fn.annotations, ...o.annotations });
  d.constraints = nonEmpty(fn.constraints?.length ? fn.constraints : o.constraints ?? []);
  d.secrets = nonEmpty(merge(fn.secrets, o.secrets));
  d.limits = nonEmpty(fn.limits);
  d.requests = nonEmpty(fn.requests);
  if (fn.readonly_root_filesystem || o.readonly) d.readOnlyRootFilesystem = true;
  if (fn.namespace) d.namespace = fn.namespace;
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as FunctionDeploymentRequest;
}
