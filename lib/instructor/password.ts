import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Instructor passwords, hashed with scrypt from node:crypto: a memory-hard KDF that ships with
 * Node (OpenSSL's), so there is no native addon to build (argon2's would need a compiler on the
 * host) and nothing more to keep patched. Each password gets its own random salt; the stored
 * form names its parameters, so they can be raised later without breaking older hashes:
 *   scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number }, bytes: number): Promise<Buffer> {
  // N=2^15, r=8 needs 32 MiB; Node's default ceiling is exactly that, so give it room.
  const opts: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 128 * o.N * o.r * 2 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, bytes, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS, KEY_BYTES);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` is the one `stored` was made from; false (never a throw) for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Refuse parameters no hash of ours has: a tampered row must not make the server spend a GiB.
  if (N > 2 ** 20 || r > 16 || p > 4) return false;
  const expected = Buffer.from(m[5], 'base64url');
  // scrypt's shorter outputs are prefixes of its longer ones: a hash cut to one byte would let
  // one password in 256 through, so only the full length counts.
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(m[4], 'base64url'), { N, r, p }, KEY_BYTES);
  // Compared in constant time, so the answer's timing says nothing about how much matched.
  return timingSafeEqual(actual, expected);
}

/**
 * A hash of a random password, to verify against when the email is unknown: a login then costs
 * the same time whether or not the account exists, so timing does not tell which emails do.
 */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));
