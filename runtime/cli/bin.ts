import { main } from './main';

// The entry point bundled into the shell image as faas-cli.
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
