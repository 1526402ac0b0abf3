import { createHmac } from 'node:crypto';

/**
 * How the instructor's page names a member: never by participant id, which is the participant's
 * cookie value (a bearer token: whoever holds it is that participant). An HMAC of the session and
 * the participant under the server's secret instead: stable, unguessable, meaningless elsewhere.
 */
export const memberKey = (secret: string, workshopId: string, participantId: string) =>
  createHmac('sha256', secret).update(`member\0${workshopId}\0${participantId}`).digest('base64url').slice(0, 22);

export const MEMBER_KEY = /^[A-Za-z0-9_-]{22}$/;
