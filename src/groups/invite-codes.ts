import { createHash, randomBytes } from 'node:crypto';

/**
 * An invite link's code: 24 random bytes (192 bits, over the 128 asked) as 32 base64url
 * characters, from the OS's CSPRNG. Stored only as its SHA-256: a code this random cannot be
 * guessed from its hash, so a slow password hash would add nothing but cost on every join.
 */
export function newInviteCode(): string {
  return randomBytes(24).toString('base64url');
}

export function hashInviteCode(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

/** A link's own id (not a secret: admins list and revoke links by it): 128 random bits as 32 hex digits. */
export function newInviteLinkId(): string {
  return randomBytes(16).toString('hex');
}
