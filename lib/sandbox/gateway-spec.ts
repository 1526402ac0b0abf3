import { LABEL, ownedLabels } from '../docker/labels';
import { names } from '../docker/names';
import type { GatewaySecrets } from './gateway';
import { NATS_URL } from './nats';

export type GatewaySpecInput = {
  instance: string;
  sandboxId: string;
  image: string;
  controlNetworkId: string;
  sandboxNetworkId: string;
  /** The sandbox network's IPv4 subnets: the gateway calls no address outside them for a participant. */
  sandboxSubnets: string[];
  publishMode: 'host' | 'ingress';
  endpointMode: 'dnsrr' | 'vip';
  /** Secret for the gateway's platform-only API; never shown to the participant. */
  token: string;
  /** Swarm secrets with the participant's basic-auth user and password. */
  secrets: GatewaySecrets;
  /** Port of the web app on the host, where the provider API is (reached via the default route). */
  providerPort: number;
};

/**
 * The gateway is the one sandbox container with a route out (the control network and the
 * host's docker_gwbridge), and it looks up names a participant chooses (`/function/<name>`,
 * X-Callback-Url). Docker's embedded DNS answers sandbox and control-network names itself and
 * forwards every other name to the upstream resolvers from the container's network namespace,
 * so from the gateway a participant's name would leave the machine as a DNS query (issue 16).
 * 0.0.0.0 as the only upstream is this container itself, where nothing answers on port 53:
 * Docker's DNS still answers its own names and forwards nothing anywhere else.
 */
export const GATEWAY_DNS = { Nameservers: ['0.0.0.0'], Search: [], Options: ['timeout:1', 'attempts:1'] };

/**
 * The public name the workshop's astronaut finder calls (Lab 3). On the sandbox network it is
 * the gateway, whose port 80 answers /astros.json with the store's astros function
 * (runtime/gateway/open-notify.ts); every other public name still resolves nowhere.
 */
export const OPEN_NOTIFY_ALIAS = 'api.open-notify.org';
const OPEN_NOTIFY_PORT = 80;

/**
 * The sandbox gateway's service: alias `gateway` on the sandbox network (so function code and
 * the shell use http://gateway:8080 as in OpenFaaS), plus the control network; its port is
 * published (host mode by default: no IPVS here) and found again from the task's status.
 * It runs as a user without capabilities, so port 80 (the stand-in) is made unprivileged in
 * its own network namespace rather than granting CAP_NET_BIND_SERVICE.
 */
export function gatewayServiceSpec(g: GatewaySpecInput): Record<string, unknown> {
  const labels = ownedLabels(g.instance, 'gateway', { [LABEL.sandbox]: g.sandboxId });
  return {
    Name: names.gatewayService(g.instance, g.sandboxId),
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: g.image,
        Labels: labels,
        Env: ['port=8080', 'function_port=8080', `faaslab_token=${g.token}`, `provider_port=${g.providerPort}`, 'secret_mount_path=/run/secrets', `sandbox_id=${g.sandboxId}`,
          `nats_url=${NATS_URL}`, 'nats_stream=async', `sandbox_network=${names.sandboxNetwork(g.instance, g.sandboxId)}`, `sandbox_subnets=${g.sandboxSubnets.join(',')}`, `open_notify_port=${OPEN_NOTIFY_PORT}`],
        Sysctls: { 'net.ipv4.ip_unprivileged_port_start': String(OPEN_NOTIFY_PORT) },
        Secrets: secretMounts(g.secrets),
        ReadOnly: true,
        CapabilityDrop: ['ALL'],
        StopGracePeriod: 2_000_000_000,
        DNSConfig: GATEWAY_DNS,
      },
      Resources: { Limits: { MemoryBytes: 96 * 1024 * 1024, NanoCPUs: 1_000_000_000, Pids: 128 } },
      RestartPolicy: { Condition: 'any', Delay: 1_000_000_000 },
      Networks: [
        { Target: g.controlNetworkId, Aliases: ['gateways'] },
        { Target: g.sandboxNetworkId, Aliases: ['gateway', OPEN_NOTIFY_ALIAS] },
      ],
    },
    Mode: { Replicated: { Replicas: 1 } },
    EndpointSpec: { Mode: g.endpointMode, Ports: [{ Protocol: 'tcp', TargetPort: 8080, PublishMode: g.publishMode }] },
  };
}

/** The gateway credentials as files in /run/secrets (basic-auth-user, basic-auth-password), as OpenFaaS mounts them. */
export function secretMounts(secrets: GatewaySecrets): Record<string, unknown>[] {
  return [
    { SecretID: secrets.user.id, SecretName: secrets.user.name, File: { Name: 'basic-auth-user', UID: '0', GID: '0', Mode: 0o444 } },
    { SecretID: secrets.password.id, SecretName: secrets.password.name, File: { Name: 'basic-auth-password', UID: '0', GID: '0', Mode: 0o444 } },
  ];
}
