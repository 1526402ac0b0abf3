// The smallest Node HTTP proxy worth comparing with the gateway (bench/hop.ts): keep-alive
// agent, body buffered, answer relayed in one write. Upstream: <last argument>:8080.
const http = require('http');
const agent = new http.Agent({ keepAlive: true });
const upstream = process.argv[process.argv.length - 1]; // last argument (also under node -e)
http.createServer((req, res) => {
  const body = [];
  req.on('data', (d) => body.push(d));
  req.on('end', () => {
    const up = http.request({ host: upstream, port: 8080, method: req.method, path: '/', headers: req.headers, agent }, (r) => {
      const out = [];
      r.on('data', (d) => out.push(d));
      r.on('end', () => { res.writeHead(r.statusCode, r.headers); res.end(Buffer.concat(out)); });
    });
    up.on('error', () => { res.writeHead(502); res.end(); });
    up.end(Buffer.concat(body));
  });
}).listen(8080);
