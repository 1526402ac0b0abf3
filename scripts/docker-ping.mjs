// Exit 0 when a Docker engine answers on DOCKER_HOST (unix socket) within the timeout, else 1.
// Plain node, no dependencies: it runs before `npm ci` has installed anything.
import http from 'node:http';

const host = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
const socketPath = host.startsWith('unix://') ? host.slice('unix://'.length) : null;
if (!socketPath) {
  console.error(`DOCKER_HOST=${host}: only unix:// sockets are supported by the set-up check.`);
  process.exit(2);
}
const req = http.get({ socketPath, path: '/_ping', timeout: 2000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', () => process.exit(1));
