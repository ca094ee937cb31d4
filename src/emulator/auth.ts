import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ImError } from './im-error.js';

const MAX_NONCE_LENGTH = 18;

export interface AppCredentials {
  appKey: string;
  appSecret: string;
}

/** Node lowercases header names; the IM Service accepts each header with or without `RC-`. */
function signatureHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name] ?? headers[`rc-${name}`];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The 1001/1004 error for a call not signed by the configured app, or null when it is.
 * Messages stay generic: neither the secret nor the expected signature may leave the process.
 * Freshness and nonce reuse are deliberately not checked: the docs state no replay window, and the
 * vendor's Node SDK 3.1.1 reuses one Nonce and Timestamp for its whole life (the IM port's README).
 */
export function signatureError(headers: IncomingHttpHeaders, credentials: AppCredentials): ImError | null {
  const appKey = signatureHeader(headers, 'app-key');
  if (appKey === undefined || appKey !== credentials.appKey) {
    return new ImError(1001, 'App-Key missing or unknown');
  }
  const nonce = signatureHeader(headers, 'nonce');
  const timestamp = signatureHeader(headers, 'timestamp');
  const signature = signatureHeader(headers, 'signature');
  if (!nonce || nonce.length > MAX_NONCE_LENGTH) {
    return new ImError(1004, `Nonce missing or longer than ${MAX_NONCE_LENGTH} characters`);
  }
  // Seconds and milliseconds are both accepted: only the shape is checked.
  if (!timestamp || !/^\d{1,16}$/.test(timestamp)) {
    return new ImError(1004, 'Timestamp missing or not an integer');
  }
  const expected = expectedSignature(credentials.appSecret, nonce, timestamp);
  if (!signature || !signatureMatches(signature, expected)) {
    return new ImError(1004, 'Signature check failed');
  }
  return null;
}

/**
 * The vendor's rule, written here and not shared with the client (a wrong formula on both sides
 * would pass): lowercase hex SHA-1 of `App Secret + Nonce + Timestamp`, per the server API's
 * signature rules page ("API 调用签名规则"); checked in test/emulator/auth.test.ts against the
 * documented vector (secret `Y1W2MeFwwwRxa0`, nonce `14314`, timestamp `1408710653000`).
 */
function expectedSignature(appSecret: string, nonce: string, timestamp: string): string {
  return createHash('sha1').update(`${appSecret}${nonce}${timestamp}`, 'utf8').digest('hex');
}

function signatureMatches(given: string, expected: string): boolean {
  const givenBytes = Buffer.from(given, 'utf8');
  const expectedBytes = Buffer.from(expected, 'utf8');
  // The length of a SHA-1 hex digest is public, so an early exit on length leaks nothing.
  return givenBytes.length === expectedBytes.length && timingSafeEqual(givenBytes, expectedBytes);
}
