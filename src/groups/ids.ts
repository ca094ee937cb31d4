import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 22;

/**
 * A group id the IM Service accepts (letters and digits): 22 base-62 characters carry about
 * 131 random bits, so two gateways never pick the same one.
 */
export function generateGroupId(): string {
  let id = '';
  while (id.length < ID_LENGTH) {
    for (const byte of randomBytes(ID_LENGTH)) {
      // 256 is not a multiple of 62: bytes from 248 up are dropped rather than skewing the alphabet.
      if (byte < 248 && id.length < ID_LENGTH) id += ALPHABET[byte % 62];
    }
  }
  return id;
}
