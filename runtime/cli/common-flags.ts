import type { Command } from 'commander';
import { DEFAULT_GATEWAY } from './context';
import { CliError } from './errors';
import { compat } from './flags';

/**
 * The flags faas-cli defines on command after command (commands/faas.go, general.go): each
 * command adds the ones faas-cli gives it. Where one cannot do anything in the sandbox, its
 * help says so and why.
 */

export const NOT_HERE = {
  tls: 'the sandbox gateway is plain HTTP, so there is no certificate to check',
  token: 'this gateway takes basic auth (faas-cli login, or the credentials mounted in this shell), not a JWT',
  stack: 'this command reads no stack file here',
};

export const gatewayFlag = (cmd: Command, help = 'Gateway URL starting with http(s)://') =>
  cmd.option('-g, --gateway <url>', `${help}; unless given, $OPENFAAS_URL (this sandbox's gateway) is used`, DEFAULT_GATEWAY);

export const tlsFlag = (cmd: Command) => cmd.option('--tls-no-verify', compat('Disable TLS validation', NOT_HERE.tls), false);

export const tokenFlag = (cmd: Command) => cmd.option('-k, --token <token>', compat('Pass a JWT token to use instead of basic auth', NOT_HERE.token));

export const namespaceFlag = (cmd: Command, help = 'Namespace of the function') =>
  cmd.option('-n, --namespace <namespace>', `${help} (the sandbox has one: ${FUNCTION_NAMESPACE})`);

/**
 * faas-cli's persistent -f, --regex, --filter (and, where faas-cli gives the command one,
 * --envsubst) on a command that does not read a stack file here.
 */
export function unusedStackFlags(cmd: Command, envsubst = false): Command {
  cmd
    .option('-f, --yaml <file>', compat('Path to YAML file describing function(s)', NOT_HERE.stack))
    .option('--regex <regex>', compat('Regex to match with function names in YAML file', NOT_HERE.stack))
    .option('--filter <wildcard>', compat('Wildcard to match with function names in YAML file', NOT_HERE.stack));
  return envsubst ? cmd.option('--envsubst', compat('Substitute environment variables in stack.yml file', NOT_HERE.stack), true) : cmd;
}

/** The one namespace of a sandbox's functions (faas-swarm has no others). */
export const FUNCTION_NAMESPACE = 'openfaas-fn';

/** A -n value (or a stack function's namespace:): "" or openfaas-fn; any other is an error that says why. */
export function checkNamespace(ns: string | undefined): string {
  if (!ns || ns === FUNCTION_NAMESPACE) return ns ?? '';
  throw new CliError(`namespace "${ns}" is not available: this sandbox's functions all live in the namespace ${FUNCTION_NAMESPACE}`,
    `Leave out -n (or give -n ${FUNCTION_NAMESPACE}); faas-cli namespaces lists the namespaces there are.`);
}

/** `?namespace=<ns>` for a list or describe request when a namespace was given, as faas-cli sends it. */
export const namespaceQuery = (ns: string) => (ns ? `namespace=${encodeURIComponent(ns)}` : '');
