import type Docker from 'dockerode';
import { LABEL, ownedLabels } from '../docker/labels';
import { names } from '../docker/names';
import { inspectServiceOrNull, waitForTasks } from '../docker/services';
import { AppError } from '../errors';
import type { ImageManifest } from '../platform/manifest';
import type { GatewaySecrets } from './gateway';
import { secretMounts } from './gateway-spec';

export type ShellInput = {
  instance: string;
  sid: string;
  image: string;
  sandboxNetworkId: string;
  /** The participant's workspace on the host (absolute), mounted as the shell's home. */
  workspace: string;
  secrets: GatewaySecrets;
};

/**
 * A command line to run in the shell with no_new_privs set, so nothing it starts can gain
 * privileges through a setuid binary. Swarm services cannot ask for no-new-privileges on the
 * engine's API 1.41, and every `docker exec` starts outside the container's first process, so
 * each exec (terminal, commands) goes through setpriv (util-linux, in every Debian image).
 */
export const unprivileged = (argv: string[]) => ['setpriv', '--no-new-privs', '--', ...argv];

/** Where the workspace appears in the shell (also HOME and the working directory). */
export const SHELL_HOME = '/home/app';

/** Terminal "1" of a sandbox: the tmux session every lesson uses (lib/terminal attaches to it). */
export const TMUX_SESSION = 'main';
/**
 * The environment of every tmux client; the first one starts the tmux server, whose
 * environment every session inherits. C.UTF-8 (built into Debian's glibc): without a UTF-8
 * locale tmux draws non-ASCII as '_'.
 */
export const TMUX_ENV = ['TERM=xterm-256color', 'LANG=C.UTF-8'];

/**
 * The participant's shell: a container on the sandbox network only (alias `shell`), with the
 * workspace as its home, OPENFAAS_URL=http://gateway:8080 and the gateway credentials in
 * /run/secrets for faas-cli. No Docker socket, all capabilities dropped, read-only root with a
 * writable /tmp, limited memory, CPU and processes.
 */
export function shellServiceSpec(s: ShellInput): Record<string, unknown> {
  const labels = ownedLabels(s.instance, 'shell', { [LABEL.sandbox]: s.sid });
  return {
    Name: names.shellService(s.instance, s.sid),
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: s.image,
        Labels: labels,
        Hostname: 'workshop',
        Env: ['OPENFAAS_URL=http://gateway:8080', `HOME=${SHELL_HOME}`],
        Dir: SHELL_HOME,
        Mounts: [
          { Type: 'bind', Source: s.workspace, Target: SHELL_HOME },
          { Type: 'tmpfs', Target: '/tmp', TmpfsOptions: { SizeBytes: 64 * 2 ** 20 } },
        ],
        Secrets: secretMounts(s.secrets),
        ReadOnly: true,
        CapabilityDrop: ['ALL'],
        Init: true,
        StopGracePeriod: 1_000_000_000,
      },
      Resources: { Limits: { MemoryBytes: 256 * 2 ** 20, NanoCPUs: 500_000_000, Pids: 256 } },
      RestartPolicy: { Condition: 'any', Delay: 1_000_000_000 },
      Networks: [{ Target: s.sandboxNetworkId, Aliases: ['shell'] }],
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: 'dnsrr' },
  };
}

/** The host folder a shell service mounts as its home (sandboxes made before homes mounted the participant's workspace). */
const mountedHome = (service: { Spec?: { TaskTemplate?: { ContainerSpec?: { Mounts?: { Target?: string; Source?: string }[] } } } }) =>
  service.Spec?.TaskTemplate?.ContainerSpec?.Mounts?.find((m) => m.Target === SHELL_HOME)?.Source;

/** Make the shell exist with the current image (updated in place after an upgrade) and wait until it runs. */
export async function ensureShell(engine: Docker, s: ShellInput, timeoutMs: number, progress: (line: string) => void): Promise<void> {
  const spec = shellServiceSpec(s);
  const name = spec.Name as string;
  const existing = await inspectServiceOrNull(engine, name);
  if (!existing) {
    progress('Starting your shell…');
    await engine.createService(spec);
  } else if (existing.Spec?.TaskTemplate?.ContainerSpec?.Image !== s.image || mountedHome(existing) !== s.workspace) {
    progress('Updating your shell…');
    await engine.getService(name).update({ ...spec, version: existing.Version.Index });
  }
  const { ok, tasks } = await waitForTasks(engine, name, (ts) => ts.some((t) => t.state === 'running' && t.desired === 'running' && t.image === s.image), timeoutMs);
  if (!ok) throw new AppError('unavailable', `Your shell did not start (${tasks.map((t) => t.error ?? t.state).join(', ') || 'no task'}).`, { hint: 'Try again in a moment; if it persists, tell your instructor.' });
}
