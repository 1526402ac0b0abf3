/**
 * Labels on everything the platform creates. The platform only ever lists, changes or
 * removes Docker objects that carry `io.faaslab.managed=true` and its own instance label.
 */
export const LABEL = {
  managed: 'io.faaslab.managed',
  instance: 'io.faaslab.instance',
  component: 'io.faaslab.component',
  sandbox: 'io.faaslab.sandbox',
  fn: 'io.faaslab.function',
  recipe: 'io.faaslab.recipe',
  /** On a function service: the image name as the participant gave it. */
  image: 'io.faaslab.image',
} as const;

export type Component =
  | 'base'
  | 'platform-image'
  | 'control-network'
  | 'sandbox-network'
  | 'build-network'
  | 'gateway'
  | 'shell'
  | 'prometheus'
  | 'nats'
  | 'function'
  | 'function-image'
  /** A container or network a test suite makes to try something (never one of a sandbox's). */
  | 'probe';

export type Labels = Record<string, string>;

/** Labels for an object owned by one platform instance (prefix). */
export function ownedLabels(instance: string, component: Component, extra: Labels = {}): Labels {
  return { [LABEL.managed]: 'true', [LABEL.instance]: instance, [LABEL.component]: component, ...extra };
}

/** Labels for shared platform images: not tied to an instance, reused by every instance. */
export function platformImageLabels(component: 'base' | 'platform-image', recipe: string): Labels {
  return { [LABEL.managed]: 'true', [LABEL.component]: component, [LABEL.recipe]: recipe };
}

/** A Docker `filters` value selecting only objects of this instance (plus extra labels). */
export function ownedFilter(instance: string, extra: Labels = {}): { label: string[] } {
  const pairs = { [LABEL.managed]: 'true', [LABEL.instance]: instance, ...extra };
  return { label: Object.entries(pairs).map(([k, v]) => `${k}=${v}`) };
}

/** True when the labels say this object belongs to the given instance. */
export function isOwned(labels: Labels | undefined | null, instance: string): boolean {
  return labels?.[LABEL.managed] === 'true' && labels?.[LABEL.instance] === instance;
}
