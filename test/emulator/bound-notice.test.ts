import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { groupView, messages, resetEmulator, signedPost, startTestEmulator, type FormParams, type ImReply } from './fixtures.js';

/**
 * A message bound to a group call (`bindNotifyMsg`), as the vendor's Go server SDK sends it on
 * create, join, quit, dismiss and refresh (`sdk/group.go`, `MessageOptions`): recorded with the
 * published messages, answered with a `messageUID`, refused (1002) without `fromUserId`,
 * `objectName` or `content`, and then the call changes nothing.
 */
describe('emulator bound notices', () => {
  let emulator: RunningEmulator;
  const call = (path: string, params: FormParams): Promise<ImReply> => signedPost(emulator, path, params);
  const content = JSON.stringify({ operation: 'Create', operatorUserId: 'u1', data: '{}', message: 'hi', extra: '' });
  const bound = { bindNotifyMsg: 'true', fromUserId: 'sender', objectName: 'RC:GrpNtf', content };

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  const calls: Array<[string, FormParams]> = [
    ['/group/create.json', { userId: ['u1', 'u2'], groupId: 'g1', groupName: 'G' }],
    ['/group/join.json', { userId: 'u3', groupId: 'g1' }],
    ['/group/refresh.json', { groupId: 'g1', groupName: 'Renamed' }],
    ['/group/quit.json', { userId: 'u3', groupId: 'g1' }],
    ['/group/dismiss.json', { userId: 'u1', groupId: 'g1' }],
  ];

  it('records one message per bound call, to the group, and answers its messageUID', async () => {
    const uids: unknown[] = [];
    for (const [path, params] of calls) {
      const reply = await call(path, { ...params, ...bound });
      expect(reply, path).toMatchObject({ status: 200, body: { code: 200, messageUID: expect.stringMatching(/^\w{4}-\w{4}-\w{4}-\w{4}$/) } });
      uids.push(reply.body.messageUID);
    }
    expect(new Set(uids).size).toBe(calls.length);
    const recorded = await messages(emulator);
    expect(recorded).toHaveLength(calls.length);
    for (const message of recorded) {
      expect(message).toMatchObject({ fromUserId: 'sender', toGroupId: 'g1', objectName: 'RC:GrpNtf', content: JSON.parse(content) as unknown });
    }
  });

  it('records nothing and answers no messageUID without bindNotifyMsg, or with it false', async () => {
    const plain = await call('/group/create.json', { userId: 'u1', groupId: 'g1', groupName: 'G' });
    expect(plain.body).toEqual({ code: 200 });
    const unbound = await call('/group/join.json', { userId: 'u2', groupId: 'g1', ...bound, bindNotifyMsg: 'false' });
    expect(unbound.body).toEqual({ code: 200 });
    expect(await messages(emulator)).toEqual([]);
    expect((await groupView(emulator, 'g1'))?.members).toEqual(['u1', 'u2']);
  });

  for (const missing of ['fromUserId', 'objectName', 'content'] as const) {
    it(`refuses a bound call without ${missing} (1002), changing nothing`, async () => {
      const { [missing]: _left, ...rest } = bound;
      const reply = await call('/group/create.json', { userId: 'u1', groupId: 'g1', groupName: 'G', ...rest });
      expect(reply).toMatchObject({ status: 400, body: { code: 1002, errorMessage: expect.stringContaining(missing) } });
      expect(await groupView(emulator, 'g1')).toBeUndefined();
      expect(await messages(emulator)).toEqual([]);
    });
  }

  it('refuses a bound message that is not JSON (1002), too long (1005), or an unclear bindNotifyMsg (1002)', async () => {
    const create = { userId: 'u1', groupId: 'g1', groupName: 'G' };
    expect((await call('/group/create.json', { ...create, ...bound, content: 'not json' })).body.code).toBe(1002);
    const long = JSON.stringify({ message: 'x'.repeat(128 * 1024) });
    expect((await call('/group/create.json', { ...create, ...bound, content: long })).body.code).toBe(1005);
    expect((await call('/group/create.json', { ...create, ...bound, bindNotifyMsg: 'yes' })).body.code).toBe(1002);
    expect(await groupView(emulator, 'g1')).toBeUndefined();
    expect(await messages(emulator)).toEqual([]);
  });
});
