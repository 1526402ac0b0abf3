import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

/**
 * faas-cli's own config file (~/.openfaas/config.yml, or $OPENFAAS_CONFIG/config.yml):
 * `auths: [{gateway, auth: basic, token: base64(user:password)}]`, as written by `faas-cli login`.
 * In the sandbox shell the gateway's credentials are also mounted in /run/secrets, so commands
 * work before anyone logs in.
 */
type Auth = { gateway: string; auth: string; token: string };
type ConfigFile = { authenticated?: unknown; auths?: Auth[] };

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.OPENFAAS_CONFIG || path.join(env.HOME || os.homedir(), '.openfaas');
  return path.join(dir, 'config.yml');
}

const normalise = (url: string) => url.replace(/\/+$/, '');

function readConfig(file: string): ConfigFile {
  try {
    return (YAML.parse(fs.readFileSync(file, 'utf8')) as ConfigFile) ?? {};
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw err;
  }
}

/** Save credentials for a gateway (replacing any saved for it). */
export function saveAuth(gateway: string, user: string, password: string, file = configPath()): void {
  const cfg = readConfig(file);
  const auths = (cfg.auths ?? []).filter((a) => normalise(a.gateway) !== normalise(gateway));
  auths.push({ gateway: normalise(gateway), auth: 'basic', token: Buffer.from(`${user}:${password}`).toString('base64') });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, YAML.stringify({ ...cfg, authenticated: undefined, auths }), { mode: 0o600 });
}

/** Remove saved credentials for a gateway; false when there were none. */
export function removeAuth(gateway: string, file = configPath()): boolean {
  const cfg = readConfig(file);
  const auths = cfg.auths ?? [];
  const kept = auths.filter((a) => normalise(a.gateway) !== normalise(gateway));
  if (kept.length === auths.length) return false;
  fs.writeFileSync(file, YAML.stringify({ ...cfg, auths: kept }), { mode: 0o600 });
  return true;
}

/** The Authorization header value for a gateway: saved login, else the shell's mounted credentials. */
export function authFor(gateway: string, file = configPath(), secretsDir = '/run/secrets'): string | null {
  const saved = readConfig(file).auths?.find((a) => normalise(a.gateway) === normalise(gateway));
  if (saved?.token) return `Basic ${saved.token}`;
  try {
    const user = fs.readFileSync(path.join(secretsDir, 'basic-auth-user'), 'utf8').trim();
    const password = fs.readFileSync(path.join(secretsDir, 'basic-auth-password'), 'utf8').trim();
    return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  } catch {
    return null;
  }
}
