// The classic OpenFaaS node template's entry point (openfaas/templates, template/node/index.js,
// MIT licence), reading stdin with Node's own streams instead of get-stdin (no npm offline).
// The watchdog forks `node index.js` per request: the request body arrives on stdin and what
// is written to stdout is the response.
'use strict';

const handler = require('./function/handler');

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on('data', (chunk) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const isObject = (a) => !!a && a.constructor === Object;

readStdin().then((val) => {
  let done = false;
  // Used both as the callback of `(context, callback)` handlers and for a returned Promise's
  // result; only the first answer counts.
  const cb = (err, res) => {
    if (done) return;
    done = true;
    if (err) {
      console.error(err);
      // Unlike upstream (which exits 0), a failure makes the watchdog answer 500 with the error.
      process.exitCode = 1;
      return;
    }
    if (res === undefined || res === null) return;
    if (Array.isArray(res) || isObject(res)) {
      process.stdout.write(JSON.stringify(res) + '\n');
    } else {
      process.stdout.write(String(res));
    }
  };

  let result;
  try {
    result = handler(val, cb);
  } catch (err) {
    return cb(err);
  }
  if (result && typeof result.then === 'function') {
    result.then((data) => cb(undefined, data), (err) => cb(err));
  }
}).catch((err) => {
  console.error(err.stack || err);
  process.exitCode = 1;
});
