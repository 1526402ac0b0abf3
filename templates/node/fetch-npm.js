// Fetch npm itself from the workshop's npm registry and unpack it into a folder, for
// install-dependencies.sh: the platform's node image has Debian's nodejs without npm, and
// builds reach no other registry. npm's tarball bundles all its own dependencies, so
// `node <dir>/bin/npm-cli.js` works straight from the folder. The tarball's sha512 is checked
// against the registry's `integrity` before it is unpacked.
//
// Usage: node fetch-npm.js <registry URL> <dir>. Exits 1 with the reason on stderr.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const { execFileSync } = require('child_process');

const [registry, dir] = process.argv.slice(2);

function get(url) {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? require('https') : require('http');
    const req = client.get(url, { headers: { accept: 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(60000, () => req.destroy(new Error('no answer in 60 s')));
    req.on('error', reject);
  });
}

async function main() {
  if (!registry || !dir) throw new Error('usage: node fetch-npm.js <registry URL> <dir>');
  const base = registry.endsWith('/') ? registry : `${registry}/`;
  const doc = await get(`${base}npm`).catch((err) => { throw new Error(`cannot reach ${base}: ${err.message}`); });
  if (doc.status !== 200) {
    let why = '';
    try { why = JSON.parse(doc.body.toString()).error || ''; } catch (e) { /* not JSON */ }
    throw new Error(`${base} has no "npm" package (HTTP ${doc.status}${why ? `: ${why}` : ''})`);
  }
  const packument = JSON.parse(doc.body.toString());
  const version = (packument['dist-tags'] || {}).latest;
  const dist = ((packument.versions || {})[version] || {}).dist;
  if (!dist || !dist.tarball || !/^sha512-/.test(dist.integrity || '')) throw new Error(`${base}npm lists no npm version with a sha512 integrity`);
  const tgz = await get(dist.tarball);
  if (tgz.status !== 200) throw new Error(`GET ${dist.tarball}: HTTP ${tgz.status}`);
  const sha512 = `sha512-${crypto.createHash('sha512').update(tgz.body).digest('base64')}`;
  if (sha512 !== dist.integrity) throw new Error(`${dist.tarball} does not match its integrity ${dist.integrity}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(`${dir}.tgz`, tgz.body);
  execFileSync('tar', ['-xzf', `${dir}.tgz`, '-C', dir, '--strip-components=1', '--no-same-owner']);
  fs.unlinkSync(`${dir}.tgz`);
  console.log(`npm ${version} from ${base}`);
}

main().catch((err) => {
  console.error(`Fetching npm failed: ${err.message}`);
  process.exit(1);
});
