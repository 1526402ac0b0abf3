import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SECRET_FILE = 'session-secret';
const MIN_LENGTH = 32;
export type SecretSettings = { FAASLAB_SESSION_SECRET?: string };

/**
 * The key that seals instructor login cookies: FAASLAB_SESSION_SECRET when set (several web
 * servers sharing one), else a random one made once and kept in the data directory (mode 0600),
 * so logins survive a restart and no operator has to invent a secret for a laptop. Deleting the
 * file logs every instructor out. (lib/config.ts checks a given secret's length.)
 */
export function sessionSecret(dataDir: string, settings: SecretSettings): string {
  if (settings.FAASLAB_SESSION_SECRET) return settings.FAASLAB_SESSION_SECRET;
  const file = path.join(dataDir, SECRET_FILE);
  try {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept.length >= MIN_LENGTH) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const made = randomBytes(32).toString('hex');
  // 'wx': when two processes start at once, the second reads what the first wrote.
  try {
    fs.writeFileSync(file, `${made}\n`, { mode: 0o600, flag: 'wx' });
    return made;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return fs.readFileSync(file, 'utf8').trim();
  }
}
