import { Gateway } from './gateway';

export const DEFAULT_GATEWAY = 'http://127.0.0.1:8080';

/**
 * faas-cli's gateway precedence: an explicit -g flag, then OPENFAAS_URL, then the stack file's
 * provider.gateway, then http://127.0.0.1:8080 (faas-cli commands/priority.go).
 */
export function resolveGateway(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, yamlGateway?: string): string {
  if (flag && flag !== DEFAULT_GATEWAY) return flag;
  if (env.OPENFAAS_URL) return env.OPENFAAS_URL;
  if (yamlGateway) return yamlGateway;
  return DEFAULT_GATEWAY;
}

export function gatewayFor(flag: string | undefined, yamlGateway?: string): Gateway {
  return new Gateway(resolveGateway(flag, process.env, yamlGateway));
}

/** Output for commands: injectable so tests can capture it. */
export type Out = { log: (line: string) => void; error: (line: string) => void; write: (chunk: string | Buffer) => void };
export const stdio: Out = {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
  write: (chunk) => void process.stdout.write(chunk),
};
