import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from './join-code';

/** A fresh join code (see join-code.ts), drawn with a cryptographic generator so codes cannot be predicted. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
