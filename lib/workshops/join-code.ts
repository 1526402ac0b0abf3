/**
 * Join codes are read off a projector and typed on phones: six characters from an alphabet
 * without the look-alikes 0/O, 1/I/L (31^6 ≈ 887 million codes, so guessing one is hopeless
 * and a clash, retried on insert, is rare).
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
// Pure: the join pages' browser code reads codes with it too (new-join-code.ts draws them, on the server).
const CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** What someone typed, as a code: case, spaces and dashes do not matter ("k7m-q2x" is K7MQ2X). */
export const normaliseCode = (typed: string) => typed.toUpperCase().replace(/[\s-]+/g, '');

export const isJoinCode = (code: string) => CODE.test(code);

/** A code as shown: two halves, easier to read out ("K7M Q2X" is typed as K7MQ2X or with the space). */
export const displayCode = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;
