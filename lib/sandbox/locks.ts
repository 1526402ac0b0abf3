const key = Symbol.for('faaslab.locks');
type Holder = { [key]?: Map<string, Promise<unknown>> };

/**
 * Run `fn` after any earlier call with the same key has finished (per process). Two clicks,
 * or two tabs, of one participant never provision or deploy the same thing at once.
 */
export function serialised<T>(lockKey: string, fn: () => Promise<T>): Promise<T> {
  const g = globalThis as Holder;
  g[key] ??= new Map();
  const locks = g[key];
  const prev = locks.get(lockKey) ?? Promise.resolve();
  const run = prev.catch(() => {}).then(fn);
  const tail = run.catch(() => {});
  locks.set(lockKey, tail);
  tail.then(() => { if (locks.get(lockKey) === tail) locks.delete(lockKey); });
  return run;
}
