import { randomBytes } from 'node:crypto';

/**
 * A participant is identified by an unguessable random id in an httpOnly cookie (a bearer
 * token: whoever holds it is that participant). Named accounts come with the instructor issue.
 */
export const PARTICIPANT_COOKIE = 'faaslab_pid';
const ID = /^[A-Za-z0-9_-]{22,64}$/;

/** The participant cookie's attributes: httpOnly (page scripts cannot read it), 30 days (the workspace retention's default). */
export const PARTICIPANT_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 60 * 60 * 24 * 30 } as const;

export function newParticipantId(): string {
  return randomBytes(16).toString('base64url');
}

export function isParticipantId(v: unknown): v is string {
  return typeof v === 'string' && ID.test(v);
}

/**
 * The placeholder owner of a warm-pool sandbox. The ':' can never be in a participant id (see
 * ID), so no cookie can pose as a pool owner and pre-fill a sandbox someone else will get.
 */
export const POOL_OWNER_PREFIX = 'pool:';
export const newPoolOwner = () => `${POOL_OWNER_PREFIX}${randomBytes(8).toString('hex')}`;
export const isPoolOwner = (id: string) => id.startsWith(POOL_OWNER_PREFIX);
