import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

export const SECRET_FILE = 'session-secret';
const MIN_LENGTH = 32;

/**
 * The key that seals instructor login cookies: FAASLAB_SESSION_SECRET when set (several web
 * servers sharing one), else a random one made once and kept in the data directory (mode 0600),
 * so logins survive a restart and no operator has to invent a secret for a laptop. Deleting the
 * file logs every instructor out.
 */
export function sessionSecret(dataDir: string, env: Record<string, string | undefined> = process.env): string {
  const given = env.FAASLAB_SESSION_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < MIN_LENGTH) throw new AppError('invalid', `FAASLAB_SESSION_SECRET is ${given.length} characters long; it needs at least ${MIN_LENGTH}.`, { hint: 'Unset it to let FaaS Lab keep one in the data directory, or use e.g. `openssl rand -hex 32`.' });
    return given;
  }
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
