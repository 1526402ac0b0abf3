import Docker from 'dockerode';

const key = Symbol.for('faaslab.docker');
type Holder = { [key]?: Docker };

/**
 * The one dockerode client of the process, kept on globalThis so that Next's bundled
 * modules and server.ts (loaded separately) share it, and hot reload doesn't make more.
 */
export function docker(): Docker {
  const g = globalThis as Holder;
  g[key] ??= new Docker();
  return g[key];
}
