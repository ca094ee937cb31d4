import { createHash, randomBytes } from 'node:crypto';

/** The four headers that authenticate every call to the IM Service. */
export interface SignatureHeaders {
  'App-Key': string;
  Nonce: string;
  Timestamp: string;
  Signature: string;
}

export interface Credentials {
  appKey: string;
  appSecret: string;
}

/** Lowercase hex SHA-1 of `secret + nonce + timestamp`, as the IM Service defines it. */
export function computeSignature(appSecret: string, nonce: string, timestamp: string): string {
  return createHash('sha1').update(appSecret + nonce + timestamp).digest('hex');
}

/** The IM Service allows at most 18 characters; 16 hex characters carry 64 random bits. */
export function newNonce(): string {
  return randomBytes(8).toString('hex');
}

/**
 * Signs one attempt. Call it at the moment the request leaves, never earlier:
 * a retry must carry a fresh nonce and timestamp.
 */
export function signRequest(credentials: Credentials, now: number = Date.now()): SignatureHeaders {
  const nonce = newNonce();
  const timestamp = String(now);
  return {
    'App-Key': credentials.appKey,
    Nonce: nonce,
    Timestamp: timestamp,
    Signature: computeSignature(credentials.appSecret, nonce, timestamp),
  };
}
