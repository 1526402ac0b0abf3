import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gatewayServiceSpec, OPEN_NOTIFY_ALIAS } from './gateway-spec';

const spec = gatewayServiceSpec({
  instance: 'faaslab', sandboxId: 'abc', image: 'faaslab-gateway:1', controlNetworkId: 'control', sandboxNetworkId: 'sandbox', sandboxSubnets: ['10.0.3.0/24'],
  publishMode: 'host', endpointMode: 'dnsrr', token: 't', providerPort: 3000,
  secrets: { user: { id: 'u', name: 'u' }, password: { id: 'p', name: 'p' } },
}) as { TaskTemplate: { Networks: { Target: string; Aliases: string[] }[]; ContainerSpec: { Env: string[]; Sysctls: Record<string, string>; CapabilityDrop: string[] } }; EndpointSpec: { Ports: { TargetPort: number }[] } };

test('api.open-notify.org is the gateway on the sandbox network only, answered on port 80 without added capabilities', () => {
  const nets = Object.fromEntries(spec.TaskTemplate.Networks.map((n) => [n.Target, n.Aliases]));
  assert.deepEqual(nets.sandbox, ['gateway', OPEN_NOTIFY_ALIAS]);
  assert.ok(!nets.control.includes(OPEN_NOTIFY_ALIAS), 'other sandboxes\' gateways do not see the name');
  const c = spec.TaskTemplate.ContainerSpec;
  assert.ok(c.Env.includes('open_notify_port=80'));
  assert.equal(c.Sysctls['net.ipv4.ip_unprivileged_port_start'], '80');
  assert.deepEqual(c.CapabilityDrop, ['ALL']);
  // Port 80 stays inside the sandbox: only 8080 is published.
  assert.deepEqual(spec.EndpointSpec.Ports.map((p) => p.TargetPort), [8080]);
});
