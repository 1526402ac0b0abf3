import { z } from 'zod';

/**
 * The stack file (stack.yml) as faas-cli 0.12 reads it (stack/schema.go), plus the fields
 * newer faas-cli added, so that a file faas-cli accepts is accepted here. Field names are the
 * YAML keys, so the types read like the file. Unlike faas-cli, an unknown key is an error:
 * Go's YAML decoder drops `handeler:` silently and the build then fails far from the typo.
 */

/** Any scalar read as text, as Go reads it into a string field: `1.10` stays "1.10", not 1.1. */
const text = z.preprocess((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v), z.string());

const TRUE = new Set(['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'y', 'Y', 'on', 'On', 'ON']);
const FALSE = new Set(['false', 'False', 'FALSE', 'no', 'No', 'NO', 'n', 'N', 'off', 'Off', 'OFF']);
/** A boolean, including the YAML 1.1 words (`yes`, `on`) that yaml.v3 accepts for a Go bool. */
const flag = z.preprocess((v) => (typeof v === 'string' && TRUE.has(v) ? true : typeof v === 'string' && FALSE.has(v) ? false : v), z.boolean());

/** An optional field; an empty value (`lang:`) counts as absent. */
function opt<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => v ?? undefined, schema.optional());
}

const list = z.array(text);
/** NAME: value pairs; values may be numbers or booleans (`write_debug: true`) and become text. */
export const stringMapSchema = z.record(z.string(), z.preprocess((v) => v ?? '', text));

export function unknownFieldMessage(key: string, allowed: readonly string[]): string {
  return `unknown field "${key}" — allowed: ${allowed.join(', ')}`;
}

/** A strict object: an unknown key is an issue that lists the keys allowed there. */
function fields<T extends z.ZodRawShape>(shape: T) {
  const allowed = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? unknownFieldMessage(String(iss.keys[0]), allowed) : undefined),
  }).transform(dropUndefined);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false; // not URL.canParse: this module also runs on Node 18 before 18.17
  }
}

/** Function names become DNS names and Swarm service names: a lowercase DNS label. */
export const FUNCTION_NAME_RULE = "lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters (e.g. hello-openfaas)";
export const functionNameSchema = z.string()
  .max(63, { error: (iss) => `"${iss.input}" is too long for a function name (${String(iss.input).length} characters)` })
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { error: (iss) => `"${iss.input}" is not a valid function name` })
  .describe(`A function name: ${FUNCTION_NAME_RULE}.`);

const resourcesShape = {
  memory: opt(text).describe('Memory, e.g. 128Mi or 40m.'),
  cpu: opt(text).describe('CPU, e.g. 100m (a tenth of a core).'),
};

const functionShape = {
  lang: opt(text.transform((lang) => (lang === 'Dockerfile' ? 'dockerfile' : lang)))
    .describe('The template to build with, e.g. python3 or dockerfile.'),
  handler: opt(text).describe('The folder with the function code, e.g. ./hello-openfaas.'),
  image: text.describe('The image the build makes and the deploy runs, e.g. hello-openfaas:latest.'),
  fprocess: opt(text).describe('The program the watchdog runs for each request, e.g. sort; overrides the template.'),
  environment: opt(stringMapSchema).describe('Environment variables as NAME: value pairs, e.g. write_debug: true.'),
  environment_file: opt(list).describe('A list of YAML files, each with an environment: map; later files override earlier ones.'),
  secrets: opt(list).describe('A list of secret names, one per line, each starting with "- ".'),
  skip_build: opt(flag).describe('true to deploy the image as it is, without building it.'),
  constraints: opt(list).describe('A list of placement constraints, e.g. - node.platform.os == linux.'),
  labels: opt(stringMapSchema).describe('Labels as name: value pairs.'),
  annotations: opt(stringMapSchema).describe('Annotations as name: value pairs.'),
  limits: opt(fields(resourcesShape)).describe('Resource limits: memory (e.g. 128Mi) and cpu (e.g. 100m).'),
  requests: opt(fields(resourcesShape)).describe('Resource requests: memory (e.g. 64Mi) and cpu (e.g. 50m).'),
  readonly_root_filesystem: opt(flag).describe("true to make the function's root filesystem read-only."),
  build_options: opt(list).describe('A list of build options named in the template, e.g. - dev.'),
  build_args: opt(stringMapSchema).describe('Docker build arguments as NAME: value pairs.'),
  namespace: opt(text).describe('The namespace to deploy into.'),
  registry_auth: opt(text).describe('Registry credentials (Docker Swarm era); accepted and ignored.'),
  platforms: opt(text).describe('Platforms to build for, e.g. linux/amd64 (newer faas-cli).'),
  build_secrets: opt(stringMapSchema).describe('Secrets for the build as name: file pairs (newer faas-cli).'),
};

export const functionSchema = fields(functionShape).superRefine((fn, ctx) => {
  if (fn.skip_build) return;
  for (const key of ['lang', 'handler'] as const) {
    const problem = fn[key] === undefined ? `missing field "${key}"` : fn[key] === '' ? `"${key}" is empty` : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: [key], message: `${problem} (needed to build, unless skip_build: true)` });
  }
});

const providerShape = {
  name: z.preprocess((v) => v ?? '', z.literal('openfaas', {
    error: (iss) => `['openfaas'] is the only valid "provider.name" for the OpenFaaS CLI, but you gave: ${typeof iss.input === 'string' ? iss.input : JSON.stringify(iss.input)}`,
  })).describe('Always openfaas ("faas" was the old name).'),
  gateway: opt(text.refine(isHttpUrl, { error: (iss) => `"${iss.input}" is not an http(s) URL` }))
    .describe('The gateway URL, e.g. http://127.0.0.1:8080.'),
  network: opt(text).describe('The Docker Swarm network (Swarm era); accepted and ignored.'),
};

const templateShape = {
  name: text.describe('The template name, e.g. python3-http.'),
  source: opt(text).describe('Where to pull it from, e.g. https://github.com/openfaas/templates.'),
};

const configurationShape = {
  templates: opt(z.array(fields(templateShape))).describe('Templates to pull with "faas-cli template pull stack", as a list of - name: … entries.'),
  copy: opt(list).describe('Paths next to the stack file to copy into every build, as a list.'),
};

const stackShape = {
  // `version: 1.0` is a float to YAML; faas-cli reads it into a string. Both forms are fine.
  version: z.preprocess((v) => (v === null ? undefined : v === 1 ? '1.0' : v), z.literal('1.0', {
    error: (iss) => `unsupported version ${JSON.stringify(iss.input)}`,
  }).default('1.0')).describe('The stack file format: write version: 1.0.'),
  provider: z.preprocess((v) => v ?? {}, fields(providerShape))
    .describe('Where to deploy, e.g.\n  provider:\n    name: openfaas\n    gateway: http://127.0.0.1:8080'),
  functions: z.record(functionNameSchema, functionSchema)
    .describe('One entry per function: its name, then its fields indented under it, e.g.\n  hello-openfaas:\n    lang: python3\n    handler: ./hello-openfaas\n    image: hello-openfaas:latest'),
  configuration: opt(fields(configurationShape)).describe('Stack-wide settings: templates to pull, paths to copy into builds.'),
};

/**
 * Top-level `x-…` keys are extensions, ignored as in docker-compose files, so that a stack file
 * can keep YAML anchors there (`x-defaults: &defaults`) for functions to merge (`<<: *defaults`).
 */
export const stackSchema = z.preprocess(dropExtensions, fields(stackShape));

function dropExtensions(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('x-')));
}

export type Stack = z.output<typeof stackSchema>;
export type StackFunction = z.output<typeof functionSchema>;
export type StackProvider = Stack['provider'];
export type FunctionResources = NonNullable<StackFunction['limits']>;
export type StackConfiguration = NonNullable<Stack['configuration']>;

/**
 * The fields of the object at `path` in a stack file (e.g. `['functions', 'hello']` → the
 * function fields), for "allowed: …" lists and for each field's description as a hint.
 */
export function shapeAt(path: readonly PropertyKey[]): Readonly<Record<string, z.ZodType>> | undefined {
  const [top, , sub] = path;
  if (path.length === 0) return stackShape;
  if (top === 'provider' && path.length === 1) return providerShape;
  if (top === 'configuration' && path.length === 1) return configurationShape;
  if (top === 'configuration' && sub !== undefined && path.length === 3) return templateShape;
  if (top === 'functions' && path.length === 2) return functionShape;
  if (top === 'functions' && (sub === 'limits' || sub === 'requests') && path.length === 3) return resourcesShape;
  return undefined;
}
