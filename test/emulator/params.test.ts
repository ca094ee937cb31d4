import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  allGroups,
  groupView,
  messages,
  resetEmulator,
  signedHeaders,
  signedPost,
  startTestEmulator,
  userIds,
  type FormParams,
} from './fixtures.js';

/** Each case breaks exactly one rule of an otherwise valid call. */
const badCalls: [string, string, FormParams][] = [
  ['groupId with a dash', '/group/create.json', { userId: 'u1', groupId: 'g-1', groupName: 'G' }],
  ['groupId of 65 chars', '/group/join.json', { userId: 'u1', groupId: 'g'.repeat(65) }],
  ['missing groupId', '/group/join.json', { userId: 'u1' }],
  ['groupId twice', '/group/join.json', { userId: 'u1', groupId: ['g1', 'g2'] }],
  ['empty userId', '/group/join.json', { userId: ['u1', ''], groupId: 'g1' }],
  ['userId of 65 chars', '/group/join.json', { userId: 'u'.repeat(65), groupId: 'g1' }],
  ['no userId', '/group/create.json', { groupId: 'g1', groupName: 'G' }],
  ['1001 userIds', '/group/create.json', { userId: userIds(1001), groupId: 'g1', groupName: 'G' }],
  ['create without groupName', '/group/create.json', { userId: 'u1', groupId: 'g1' }],
  ['create with an empty groupName', '/group/create.json', { userId: 'u1', groupId: 'g1', groupName: '' }],
  ['groupName of 65 emoji', '/group/create.json', { userId: 'u1', groupId: 'g1', groupName: '😀'.repeat(65) }],
  ['join with an empty groupName', '/group/join.json', { userId: 'u1', groupId: 'g1', groupName: '' }],
  ['quit without userId', '/group/quit.json', { groupId: 'g1' }],
  ['dismiss with two operators', '/group/dismiss.json', { userId: ['u1', 'u2'], groupId: 'g1' }],
  ['dismiss without operator', '/group/dismiss.json', { groupId: 'g1' }],
  ['refresh without groupName', '/group/refresh.json', { groupId: 'g1' }],
  ['user query of size 0', '/user/group/query.json', { userId: 'u1', size: '0' }],
  ['user query of size 1001', '/user/group/query.json', { userId: 'u1', size: '1001' }],
  ['sync with a bad group id', '/group/sync.json', { userId: 'u1', 'group[g-1]': 'G' }],
  ['sync with two users', '/group/sync.json', { userId: ['u1', 'u2'], 'group[g1]': 'G' }],
  ['publish to 4 groups', '/message/group/publish.json', publishParams({ toGroupId: ['a', 'b', 'c', 'd'] })],
  ['publish to no group', '/message/group/publish.json', publishParams({ toGroupId: [] })],
  ['publish without fromUserId', '/message/group/publish.json', publishParams({ fromUserId: [] })],
  ['publish without objectName', '/message/group/publish.json', publishParams({ objectName: [] })],
  ['publish with non-JSON content', '/message/group/publish.json', publishParams({ content: '{oops' })],
];

function publishParams(overrides: FormParams): FormParams {
  return {
    fromUserId: 'admin',
    toGroupId: 'g1',
    objectName: 'RC:GrpNtf',
    content: '{"operation":"Create"}',
    ...overrides,
  };
}

describe('emulator parameter rules', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  it.each(badCalls)('rejects %s with 400/1002 and no effect', async (_name, path, params) => {
    const reply = await signedPost(emulator, path, params);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe(1002);
    expect(reply.body.errorMessage).toEqual(expect.any(String));
    expect(await allGroups(emulator)).toEqual([]);
    expect(await messages(emulator)).toEqual([]);
  });

  it('counts groupName in code points: 64 emoji are accepted', async () => {
    const name = '😀'.repeat(64);
    const reply = await signedPost(emulator, '/group/create.json', { userId: 'u1', groupId: 'g1', groupName: name });
    expect(reply.status).toBe(200);
    expect((await groupView(emulator, 'g1'))?.name).toBe(name);
  });

  it('accepts exactly 1000 userIds and 64-char ids', async () => {
    const reply = await signedPost(emulator, '/group/create.json', {
      userId: [...userIds(999), 'x'.repeat(64)],
      groupId: 'G'.repeat(64),
      groupName: 'G',
    });
    expect(reply.status).toBe(200);
    expect((await groupView(emulator, 'G'.repeat(64)))?.members).toHaveLength(1000);
  });

  it('decodes + and %20 as spaces and keeps & = % + | in values', async () => {
    const body = 'userId=a%2Bb&userId=c%7Cd%3De&groupId=g1&groupName=x+%26y%3Dz%25%20w';
    expect((await signedPost(emulator, '/group/create.json', body)).status).toBe(200);
    expect(await groupView(emulator, 'g1')).toEqual({ groupId: 'g1', name: 'x &y=z% w', members: ['a+b', 'c|d=e'] });
  });

  it('answers 404/404 to an unknown path and 405/1002 to a GET', async () => {
    const unknown = await signedPost(emulator, '/group/nope.json', { groupId: 'g1' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 404]);
    const get = await fetch(`${emulator.url}/group/create.json`, { headers: signedHeaders(emulator) });
    expect(get.status).toBe(405);
    expect(((await get.json()) as { code: number }).code).toBe(1002);
  });

  it('answers 413/1002 to a body over 1 MiB', async () => {
    const body = `userId=u1&groupId=g1&groupName=${'n'.repeat(1024 * 1024)}`;
    const reply = await signedPost(emulator, '/group/create.json', body);
    expect([reply.status, reply.body.code]).toEqual([413, 1002]);
    expect(await allGroups(emulator)).toEqual([]);
  });
});
