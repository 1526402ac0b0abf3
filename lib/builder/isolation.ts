import fs from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { ensureBridgeNetwork, type BridgeNetwork } from '../docker/bridge-network';
import { ownedLabels } from '../docker/labels';
import { names } from '../docker/names';
import { orNull } from '../docker/not-found';
import { AppError } from '../errors';
import { BuildCgroups, CGROUP_ROOT, removeBuildCgroups } from './cgroups';
import { execIptables, isLocked, listRules, lockBuildBridge, unlockBuildBridge, type BuildBridge, type Iptables } from './firewall';

/**
 * Where participants' build steps run, made once per process and platform instance: the
 * instance's build network (bridge, internal, no traffic between containers), the host
 * firewall that lets a step reach only the package index on it, and a pids-limited cgroup
 * parent per running build. Each build checks that the firewall is still in place (one
 * `iptables -S`, a few ms); anything missing or not possible here fails the build with a
 * clear error rather than building unconfined.
 *
 * `off` (FAASLAB_BUILD_ISOLATION=off) is for a developer's machine without root: steps run on
 * the default bridge, unconfined, and every build says so in its log.
 */
export type IsolationMode = 'on' | 'off';

export type BuildSlot = {
  /** The classic builder's networkmode / cgroupparent for this build (absent when isolation is off). */
  networkMode?: string;
  cgroupParent?: string;
  /** Aborts when the instance's build isolation is removed: the build must stop. */
  signal: AbortSignal;
  /** A line for the build log, when the build runs unconfined. */
  warning?: string;
  release: () => void;
};

export type BuildIsolation = {
  network: BridgeNetwork;
  /** Let build steps reach TCP `port` on the network's gateway (the package index). */
  allowPort: (port: number) => Promise<void>;
  /** Checks the firewall, then leases a cgroup parent for one build. */
  slot: () => Promise<BuildSlot>;
};

type State = { isolation: Promise<BuildIsolation>; builds: Set<AbortController> };
const key = Symbol.for('faaslab.buildIsolation');
type Holder = { [key]?: Map<string, State> };
const states = () => ((globalThis as Holder)[key] ??= new Map());
const forget = (instance: string) => states().delete(instance);

const UNCONFINED = 'Build isolation is off (FAASLAB_BUILD_ISOLATION=off): this build runs unconfined, with access to this machine\'s network.';

/** Slots for builds of `instance` (set up on first use in this process). */
export async function buildSlot(engine: Docker, instance: string, mode: IsolationMode): Promise<BuildSlot> {
  if (mode === 'off') return { signal: new AbortController().signal, warning: UNCONFINED, release: () => {} };
  return (await buildIsolation(engine, instance)).slot();
}

/** The instance's build isolation, made on first use in this process (a failure is retried on the next call). */
export function buildIsolation(engine: Docker, instance: string, ipt: Iptables = execIptables): Promise<BuildIsolation> {
  const all = states();
  let state = all.get(instance);
  if (!state) {
    const builds = new Set<AbortController>();
    state = { isolation: setUp(engine, instance, ipt, builds), builds };
    all.set(instance, state);
    const made = state;
    made.isolation.catch(() => { if (all.get(instance) === made) all.delete(instance); });
  }
  return state.isolation;
}

async function setUp(engine: Docker, instance: string, ipt: Iptables, builds: Set<AbortController>): Promise<BuildIsolation> {
  const fail = (what: string, cause?: unknown) => new AppError('unavailable', `Builds cannot be isolated on this machine: ${what}.`, {
    hint: 'FaaS Lab needs root on the Docker engine\'s own host (iptables and cgroup v1 with the cgroupfs driver) to confine participants\' builds. '
      + 'On a single-user development machine, FAASLAB_BUILD_ISOLATION=off builds without that confinement.',
    cause,
  });
  const info = (await engine.info()) as { CgroupDriver?: string; CgroupVersion?: string };
  if (info.CgroupDriver !== 'cgroupfs' || (info.CgroupVersion ?? '1') !== '1') {
    throw fail(`the engine uses cgroup v${info.CgroupVersion ?? '?'} with the ${info.CgroupDriver ?? '?'} driver (a pids limit for build steps needs cgroup v1 with cgroupfs)`);
  }
  const network = await ensureBridgeNetwork(engine, {
    name: names.buildNetwork(instance), instance, labels: ownedLabels(instance, 'build-network'), internal: true,
    driverOptions: { 'com.docker.network.bridge.enable_icc': 'false' },
  });
  if (!fs.existsSync(path.join('/sys/class/net', network.bridge))) {
    throw fail(`the build network's bridge ${network.bridge} is not on this machine (is the engine remote?)`);
  }
  const bridge: BuildBridge = { instance, bridge: network.bridge, gateway: network.gateway };
  const ports = new Set<number>();
  let locking: Promise<void> = Promise.resolve();
  /** One change of the rules at a time (concurrent builds may all find them gone). */
  const lock = () => {
    const next = locking.then(() => lockBuildBridge(ipt, bridge, [...ports])).catch((err) => {
      throw fail(`the host firewall cannot be set (${(err as Error).message})`, err);
    });
    locking = next.catch(() => {});
    return next;
  };
  await lock();
  const cgroups = new BuildCgroups(instance);
  try {
    cgroups.lease().release(); // makes the pool's first parent: proves the pids hierarchy is there and writable
  } catch (err) {
    throw fail(`no pids cgroup can be made under ${path.join(CGROUP_ROOT, 'pids')} (${(err as Error).message})`, err);
  }
  return {
    network,
    allowPort: async (port) => {
      if (ports.has(port)) return;
      ports.add(port);
      await lock();
    },
    slot: async () => {
      // The rules can be flushed under us (a firewall reload): never build without them.
      if (!isLocked(await listRules(ipt).catch((err) => { throw fail((err as Error).message, err); }), bridge, [...ports])) {
        // …or the instance was removed by another process: start afresh on the next build.
        if (!(await orNull(engine.getNetwork(network.id).inspect()))) {
          forget(instance);
          throw new AppError('unavailable', 'The build network was removed while the platform ran; it is made again for the next build.', { hint: 'Run again.' });
        }
        await lock();
      }
      const lease = cgroups.lease();
      const controller = new AbortController();
      builds.add(controller);
      return {
        networkMode: network.name, cgroupParent: lease.cgroupParent, signal: controller.signal,
        release: () => { builds.delete(controller); lease.release(); },
      };
    },
  };
}

/**
 * Remove an instance's build isolation: its running builds in this process are stopped, then
 * (once the engine has removed their step containers) its firewall rules, network and cgroup
 * parents go. Works from any process: everything is found by name, label or comment.
 */
export async function removeBuildIsolation(engine: Docker, instance: string, ipt: Iptables = execIptables): Promise<void> {
  const state = states().get(instance);
  forget(instance);
  if (state) for (const c of state.builds) c.abort(new AppError('unavailable', 'The platform is shutting down its builders; this build was stopped.'));
  const network = names.buildNetwork(instance);
  // The classic builder removes a stopped build's step container right after the client goes.
  for (let deadline = Date.now() + 15_000; ;) {
    const info = (await orNull(engine.getNetwork(network).inspect())) as { Containers?: Record<string, unknown> } | null;
    if (!info || Object.keys(info.Containers ?? {}).length === 0 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  try {
    await unlockBuildBridge(ipt, instance);
  } catch (err) {
    // Without root there is no firewall to read, and there can be no rules of ours (they need root).
    if (process.getuid?.() === 0) throw err;
  }
  await orNull(engine.getNetwork(network).remove());
  removeBuildCgroups(instance);
}
