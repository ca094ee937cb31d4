import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { computeSignature } from '../../src/im/sign.js';
import { groupView, requestLog, resetEmulator, signedPost, startTestEmulator } from './fixtures.js';

const create = { userId: 'u1', groupId: 'g1', groupName: 'G' };

describe('emulator auth', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ appKey: 'key-1', appSecret: 'secret-1', rateLimits: { group: 3 } });
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  it('accepts a good signature with a millisecond timestamp', async () => {
    const reply = await signedPost(emulator, '/group/create.json', create, { timestampUnit: 'ms' });
    expect(reply).toEqual({ status: 200, body: { code: 200 } });
    expect(await groupView(emulator, 'g1')).toMatchObject({ members: ['u1'] });
  });

  it('accepts a good signature with a seconds timestamp', async () => {
    const reply = await signedPost(emulator, '/group/create.json', create, { timestampUnit: 's' });
    expect(reply.status).toBe(200);
  });

  it('accepts the RC- prefixed headers', async () => {
    const reply = await signedPost(emulator, '/group/create.json', create, { rcPrefix: true });
    expect(reply.status).toBe(200);
    expect(await groupView(emulator, 'g1')).toBeDefined();
  });

  it('answers 401/1004 to a signature made with the wrong secret, with no effect and no leak', async () => {
    const reply = await signedPost(emulator, '/group/create.json', create, { secret: 'not-the-secret', nonce: 'n1' });
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe(1004);
    const text = JSON.stringify(reply.body);
    expect(text).not.toContain('secret-1');
    expect(text).not.toMatch(/[0-9a-f]{40}/);
    expect(await groupView(emulator, 'g1')).toBeUndefined();
  });

  it('answers 401/1004 to an uppercase signature, a too long nonce and an empty signature', async () => {
    const nonce = 'abc';
    const timestamp = String(Date.now());
    const upper = computeSignature(emulator.appSecret, nonce, timestamp).toUpperCase();
    const replies = [
      await signedPost(emulator, '/group/create.json', create, { nonce, signature: upper }),
      await signedPost(emulator, '/group/create.json', create, { nonce: 'n'.repeat(19) }),
      await signedPost(emulator, '/group/create.json', create, { signature: '' }),
    ];
    expect(replies.map((r) => [r.status, r.body.code])).toEqual([
      [401, 1004],
      [401, 1004],
      [401, 1004],
    ]);
  });

  it('accepts an 18-character nonce', async () => {
    const reply = await signedPost(emulator, '/group/create.json', create, { nonce: 'n'.repeat(18) });
    expect(reply.status).toBe(200);
  });

  it('answers 401/1001 to a wrong or missing app key', async () => {
    const wrong = await signedPost(emulator, '/group/create.json', create, { appKey: 'other-key' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 1001]);
    const missing = await fetch(`${emulator.url}/group/create.json`, { method: 'POST', body: 'userId=u1' });
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { code: number }).code).toBe(1001);
  });

  it('logs rejected calls but does not count them in the rate window', async () => {
    for (let i = 0; i < 5; i += 1) {
      await signedPost(emulator, '/group/create.json', create, { secret: 'wrong' });
    }
    const admitted = [];
    for (let i = 0; i < 3; i += 1) admitted.push((await signedPost(emulator, '/group/create.json', create)).status);
    expect(admitted).toEqual([200, 200, 200]);
    const log = await requestLog(emulator);
    expect(log.map((entry) => entry.status)).toEqual([401, 401, 401, 401, 401, 200, 200, 200]);
  });
});

describe('emulator auth against the documented test vector', () => {
  // The emulator checks signatures with code of its own: this pins its rule to the vendor's
  // published example, independently of the client's signer (test/im/sign.test.ts pins that one).
  const vector = { secret: 'Y1W2MeFwwwRxa0', nonce: '14314', timestamp: '1408710653000', signature: '30be0bbca9c9b2e27578701e9fda2358a814c88f' };
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ appKey: 'vector-app', appSecret: vector.secret });
  });
  afterAll(() => emulator.close());

  it('accepts the documented signature for the documented secret, nonce and timestamp', async () => {
    const reply = await signedPost(emulator, '/group/create.json', create, vector);
    expect(reply).toEqual({ status: 200, body: { code: 200 } });
  });

  it('refuses it with one hex digit changed, or with another timestamp', async () => {
    const changed = `${vector.signature.slice(0, -1)}0`;
    const replies = [
      await signedPost(emulator, '/group/create.json', create, { ...vector, signature: changed }),
      await signedPost(emulator, '/group/create.json', create, { ...vector, timestamp: '1408710653001' }),
    ];
    expect(replies.map((reply) => [reply.status, reply.body.code])).toEqual([
      [401, 1004],
      [401, 1004],
    ]);
  });
});
