/** faas-cli for the sandbox shell (placeholder until the commands land). */
const VERSION = '0.1.0';
const args = process.argv.slice(2);
if (args[0] === 'version') {
  console.log(args.includes('--short-version') ? VERSION : `faas-cli (FaaS Lab) version: ${VERSION}`);
} else {
  console.error('faas-cli: not implemented yet');
  process.exit(1);
}
