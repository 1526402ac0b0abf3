import { AppError } from '../errors';

/** Docker/Swarm object names are at most 63 characters (they become DNS labels). */
const MAX_NAME = 63;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const names = {
  controlNetwork: (prefix: string) => `${prefix}-control`,
  /** Where participants' build steps run (a sandbox network is `<prefix>-<10-character id>`, so no clash). */
  buildNetwork: (prefix: string) => `${prefix}-build`,
  sandboxNetwork: (prefix: string, sid: string) => `${prefix}-${sid}`,
  gatewayService: (prefix: string, sid: string) => `${prefix}-${sid}-gateway`,
  shellService: (prefix: string, sid: string) => `${prefix}-${sid}-shell`,
  gatewaySecret: (prefix: string, sid: string, what: 'user' | 'password') => `${prefix}-${sid}-basic-auth-${what}`,
  functionService: (prefix: string, sid: string, fn: string) => `${prefix}-${sid}-fn-${fn}`,
  functionImage: (prefix: string, sid: string, fn: string) => `${prefix}-${sid}-${fn}`,
  /**
   * A participant's own image name (e.g. `hello-openfaas:latest` from a stack file) inside
   * their sandbox's namespace, so that forty people can all build `hello-openfaas:latest`.
   */
  sandboxImage: (prefix: string, sid: string, image: string) => `${prefix}-${sid}/${image.includes(':') ? image : `${image}:latest`}`,
  /** How every image of one sandbox is named: functionImage and sandboxImage start with one of these. */
  sandboxImagePrefixes: (prefix: string, sid: string) => [`${prefix}-${sid}-`, `${prefix}-${sid}/`],
};

/** The longest function name that still fits in a service name for this prefix and sandbox. */
export function maxFunctionName(prefix: string, sid: string): number {
  return MAX_NAME - names.functionService(prefix, sid, '').length;
}

/**
 * Validate a function name: it becomes a DNS name on the sandbox network, part of a Swarm
 * service name and an image repository, so it must be a lowercase DNS label.
 */
export function validateFunctionName(name: unknown, prefix: string, sid: string): string {
  const max = maxFunctionName(prefix, sid);
  const rule = `lowercase letters, digits and '-', starting and ending with a letter or digit, at most ${max} characters (e.g. hello-openfaas)`;
  if (typeof name !== 'string' || name.length === 0) {
    throw new AppError('invalid', 'A function name is required.', { hint: `Use ${rule}.` });
  }
  if (name.length > max || !DNS_LABEL.test(name)) {
    throw new AppError('invalid', `"${name.slice(0, 80)}" is not a valid function name.`, { hint: `Use ${rule}.` });
  }
  return name;
}

/** Sandbox ids: 10 lowercase base-36 characters from a CSPRNG. */
export function newSandboxId(random: () => Uint8Array = () => crypto.getRandomValues(new Uint8Array(10))): string {
  return Array.from(random(), (b) => (b % 36).toString(36)).join('');
}
