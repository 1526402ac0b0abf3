// The outside world's servers, run inside its network namespace (`ip netns exec`, see world.ts).
// Every hit is one JSON line on stdout; the test process reads them. Nothing here ever sends a
// packet anywhere but back to whoever asked.
//   HTTP on 80, TCP on 443 and 53 (record the connection and its first bytes),
//   DNS on UDP 53: every A question is answered with this world's address, as if the whole
//   internet lived here; every question is recorded.
import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import dnsPacket from 'dns-packet';

const address = process.argv[2];
if (!address) throw new Error('usage: listeners.mjs <address of this world>');
const report = (hit) => process.stdout.write(`${JSON.stringify({ ...hit, at: Date.now() })}\n`);

const web = http.createServer((req, res) => {
  report({ kind: 'http', from: req.socket.remoteAddress, port: 80, method: req.method, path: req.url, host: req.headers.host ?? '' });
  res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`the outside world answers ${req.url}\n`);
});

const tcp = (port) => net.createServer((socket) => {
  const from = socket.remoteAddress;
  let first = '';
  const done = () => report({ kind: 'tcp', from, port, data: first });
  socket.setTimeout(1000, () => socket.end());
  socket.once('data', (d) => { first = d.subarray(0, 200).toString('latin1'); });
  socket.once('close', done);
  socket.on('error', () => {});
});

const dns = dgram.createSocket('udp4');
dns.on('message', (msg, rinfo) => {
  let query;
  try {
    query = dnsPacket.decode(msg);
  } catch {
    report({ kind: 'dns', from: rinfo.address, name: '', type: 'undecodable' });
    return;
  }
  const questions = query.questions ?? [];
  for (const q of questions) report({ kind: 'dns', from: rinfo.address, name: q.name, type: q.type });
  const answers = questions.filter((q) => q.type === 'A').map((q) => ({ type: 'A', name: q.name, ttl: 5, data: address }));
  dns.send(dnsPacket.encode({ type: 'response', id: query.id, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE, questions, answers }), rinfo.port, rinfo.address);
});

const listen = (server, port) => new Promise((resolve, reject) => server.once('error', reject).listen(port, '0.0.0.0', resolve));
await Promise.all([listen(web, 80), listen(tcp(443), 443), listen(tcp(53), 53), new Promise((resolve, reject) => dns.once('error', reject).bind(53, '0.0.0.0', resolve))]);
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
// The test ends us by closing our stdin (or by a signal if it dies).
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
