// Like OpenFaaS's store nodeinfo: facts about the machine (container) answering the call.
const os = require('os');
const lines = [
  `Hostname: ${os.hostname()}`,
  `Platform: ${os.platform()}`,
  `Arch: ${os.arch()}`,
  `CPU count: ${os.cpus().length}`,
  `Uptime: ${Math.round(os.uptime())}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
