import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { allGroups, groupView, messages, resetEmulator, signedPost, startTestEmulator } from './fixtures.js';

/** What the emulator answers where the vendor's docs and SDKs say how the service answers (see src/im/README.md). */
describe('emulator fidelity', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: { group: 100_000, publish: 100_000 } });
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  it('answers an unknown endpoint HTTP 404 with code 404', async () => {
    for (const path of ['/group/nope.json', '/user/register.json', '/message/group/publish']) {
      const reply = await signedPost(emulator, path, { groupId: 'g1' });
      expect([reply.status, reply.body.code], path).toEqual([404, 404]);
    }
  });

  it('reads group[<id>] keys as the SDKs send them, encoded or not', async () => {
    const body = 'userId=v&group[a1]=Alpha&group%5Ba2%5D=Beta%20two';
    expect((await signedPost(emulator, '/group/sync.json', body)).body.code).toBe(200);
    expect(await groupView(emulator, 'a1')).toEqual({ groupId: 'a1', name: 'Alpha', members: ['v'] });
    expect(await groupView(emulator, 'a2')).toEqual({ groupId: 'a2', name: 'Beta two', members: ['v'] });
  });

  it('returns up to 5000 of a user’s groups when page is omitted (or 0), and pages of size with a page', async () => {
    const groups: Record<string, string> = { userId: 'many' };
    for (let i = 0; i < 5001; i++) groups[`group[g${i}]`] = `G${i}`;
    expect((await signedPost(emulator, '/group/sync.json', groups)).body.code).toBe(200);
    expect(await allGroups(emulator)).toHaveLength(5001);

    const unpaged = await signedPost(emulator, '/user/group/query.json', { userId: 'many', size: '10' });
    expect((unpaged.body.groups as unknown[]).length).toBe(5000);
    expect((unpaged.body.groups as unknown[])[0]).toEqual({ id: 'g0', name: 'G0' });
    const pageZero = await signedPost(emulator, '/user/group/query.json', { userId: 'many', page: '0' });
    expect((pageZero.body.groups as unknown[]).length).toBe(5000);
    const first = await signedPost(emulator, '/user/group/query.json', { userId: 'many', page: '1' });
    expect((first.body.groups as unknown[]).length).toBe(50);
    const last = await signedPost(emulator, '/user/group/query.json', { userId: 'many', page: '6', size: '1000' });
    expect(last.body.groups).toEqual([{ id: 'g5000', name: 'G5000' }]);
  });

  it('answers a publish with one messageUID per target group', async () => {
    const reply = await signedPost(emulator, '/message/group/publish.json', {
      fromUserId: 'admin',
      toGroupId: ['g1', 'g2'],
      objectName: 'RC:TxtMsg',
      content: '{"content":"hi"}',
    });
    expect(reply.body.code).toBe(200);
    const uids = reply.body.messageUIDs as Array<{ groupId: string; messageUID: string }>;
    expect(uids.map((uid) => uid.groupId)).toEqual(['g1', 'g2']);
    expect(new Set(uids.map((uid) => uid.messageUID)).size).toBe(2);
    for (const { messageUID } of uids) expect(messageUID).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  });

  it('refuses message content over 128 KB (UTF-8 bytes) with 1005, and takes exactly 128 KB', async () => {
    const sized = (bytes: number) => JSON.stringify({ content: 'é'.repeat((bytes - 14) / 2) });
    const exact = sized(128 * 1024);
    expect(Buffer.byteLength(exact, 'utf8')).toBe(128 * 1024);
    const publish = (content: string) => signedPost(emulator, '/message/group/publish.json', { fromUserId: 'admin', toGroupId: 'g1', objectName: 'RC:TxtMsg', content });
    expect((await publish(exact)).body.code).toBe(200);
    const over = await publish(sized(128 * 1024 + 2));
    expect([over.status, over.body.code]).toEqual([400, 1005]);
    expect(await messages(emulator)).toHaveLength(1);
  });
});
