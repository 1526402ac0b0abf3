/** A failure the user can act on: printed as "Error: <message>" (+ hint), exit code 1. */
export class CliError extends Error {
  constructor(message: string, readonly hint?: string, readonly exitCode = 1) {
    super(message);
  }
}
