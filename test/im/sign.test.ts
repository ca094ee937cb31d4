import { describe, expect, it } from 'vitest';
import { computeSignature, newNonce, signRequest } from '../../src/im/sign.js';

describe('request signing', () => {
  it('matches the test vector from the IM Service documentation', () => {
    expect(computeSignature('Y1W2MeFwwwRxa0', '14314', '1408710653000')).toBe('30be0bbca9c9b2e27578701e9fda2358a814c88f');
  });

  it('uses a fresh nonce of at most 18 characters for every request', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce.length).toBeLessThanOrEqual(18);
  });

  it('signs with the time of signing, so two signings never share a signature', () => {
    const credentials = { appKey: 'key', appSecret: 'secret' };
    const first = signRequest(credentials, 1_000);
    const second = signRequest(credentials, 2_000);
    expect(first.Timestamp).toBe('1000');
    expect(second.Timestamp).toBe('2000');
    expect(first.Signature).toBe(computeSignature('secret', first.Nonce, '1000'));
    expect(second.Signature).not.toBe(first.Signature);
    expect(JSON.stringify([first, second])).not.toContain('secret');
  });
});
