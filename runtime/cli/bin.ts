import { main } from './main';

// The entry point bundled into the shell image as faas-cli.
// `faas-cli list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); throw err; });
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
