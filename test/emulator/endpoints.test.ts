import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  allGroups,
  groupView,
  messages,
  resetEmulator,
  signedPost,
  startTestEmulator,
  userIds,
  type FormParams,
  type ImReply,
} from './fixtures.js';

describe('emulator group endpoints', () => {
  let emulator: RunningEmulator;
  const call = (path: string, params: FormParams | string): Promise<ImReply> => signedPost(emulator, path, params);
  const expectOk = async (path: string, params: FormParams | string): Promise<ImReply> => {
    const reply = await call(path, params);
    expect(reply, `${path} ${JSON.stringify(reply.body)}`).toMatchObject({ status: 200, body: { code: 200 } });
    return reply;
  };

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  it('create creates the group, and creating it again adds users and renames (alias of join)', async () => {
    await expectOk('/group/create.json', { userId: ['u1', 'u2'], groupId: 'g1', groupName: 'First' });
    await expectOk('/group/create.json', { userId: ['u2', 'u3'], groupId: 'g1', groupName: 'Second' });
    expect(await groupView(emulator, 'g1')).toEqual({ groupId: 'g1', name: 'Second', members: ['u1', 'u2', 'u3'] });
  });

  it('join creates a missing group named after its id, and renames only when a name is given', async () => {
    await expectOk('/group/join.json', { userId: 'u1', groupId: 'g1' });
    expect((await groupView(emulator, 'g1'))?.name).toBe('g1');
    await expectOk('/group/join.json', { userId: 'u2', groupId: 'g1', groupName: 'Named' });
    await expectOk('/group/join.json', { userId: 'u3', groupId: 'g1' });
    expect(await groupView(emulator, 'g1')).toEqual({ groupId: 'g1', name: 'Named', members: ['u1', 'u2', 'u3'] });
  });

  it('quit removes members, tolerates strangers and unknown groups, and keeps an emptied group', async () => {
    await expectOk('/group/create.json', { userId: ['u1', 'u2'], groupId: 'g1', groupName: 'G' });
    await expectOk('/group/quit.json', { userId: ['u1', 'stranger'], groupId: 'g1' });
    expect((await groupView(emulator, 'g1'))?.members).toEqual(['u2']);
    await expectOk('/group/quit.json', { userId: 'u2', groupId: 'g1' });
    expect(await groupView(emulator, 'g1')).toEqual({ groupId: 'g1', name: 'G', members: [] });
    await expectOk('/group/quit.json', { userId: 'u1', groupId: 'nowhere' });
  });

  it('dismiss deletes the group and its memberships; an unknown group is fine', async () => {
    await expectOk('/group/create.json', { userId: ['u1', 'u2'], groupId: 'g1', groupName: 'G' });
    await expectOk('/group/dismiss.json', { userId: 'anyone', groupId: 'g1' });
    expect(await groupView(emulator, 'g1')).toBeUndefined();
    const reply = await expectOk('/user/group/query.json', { userId: 'u1' });
    expect(reply.body.groups).toEqual([]);
    await expectOk('/group/dismiss.json', { userId: 'anyone', groupId: 'g1' });
  });

  it('refresh renames an existing group and ignores an unknown one', async () => {
    await expectOk('/group/create.json', { userId: 'u1', groupId: 'g1', groupName: 'Old' });
    await expectOk('/group/refresh.json', { groupId: 'g1', groupName: 'New 🎉' });
    expect((await groupView(emulator, 'g1'))?.name).toBe('New 🎉');
    await expectOk('/group/refresh.json', { groupId: 'g2', groupName: 'Ghost' });
    expect(await groupView(emulator, 'g2')).toBeUndefined();
  });

  it('group/user/query lists members in join order, [] for an unknown group', async () => {
    await expectOk('/group/create.json', { userId: ['c', 'a', 'b'], groupId: 'g1', groupName: 'G' });
    await expectOk('/group/join.json', { userId: ['a', 'z'], groupId: 'g1' });
    const reply = await expectOk('/group/user/query.json', { groupId: 'g1' });
    expect(reply.body).toEqual({ code: 200, users: [{ id: 'c' }, { id: 'a' }, { id: 'b' }, { id: 'z' }] });
    expect((await expectOk('/group/user/query.json', { groupId: 'g9' })).body.users).toEqual([]);
  });

  it('user/group/query pages through the user’s groups (default size 50), or answers them all without a page', async () => {
    for (let i = 0; i < 55; i += 1) {
      await expectOk('/group/join.json', { userId: 'u1', groupId: `g${i}`, groupName: `Name ${i}` });
    }
    expect((await expectOk('/user/group/query.json', { userId: 'u1' })).body.groups).toHaveLength(55);
    const first = await expectOk('/user/group/query.json', { userId: 'u1', page: '1' });
    expect(first.body.groups).toHaveLength(50);
    expect((first.body.groups as unknown[])[0]).toEqual({ id: 'g0', name: 'Name 0' });
    const second = await expectOk('/user/group/query.json', { userId: 'u1', page: '2' });
    expect(second.body.groups).toHaveLength(5);
    const small = await expectOk('/user/group/query.json', { userId: 'u1', page: '3', size: '2' });
    expect(small.body.groups).toEqual([
      { id: 'g4', name: 'Name 4' },
      { id: 'g5', name: 'Name 5' },
    ]);
    expect((await expectOk('/user/group/query.json', { userId: 'nobody' })).body.groups).toEqual([]);
  });

  it('sync replaces the user’s membership; percent-encoded brackets work; names do not overwrite', async () => {
    await expectOk('/group/create.json', { userId: ['u1', 'u2'], groupId: 'keep', groupName: 'Keep' });
    await expectOk('/group/create.json', { userId: ['u1', 'u2'], groupId: 'leave', groupName: 'Leave' });
    await expectOk('/group/create.json', { userId: 'u2', groupId: 'joinme', groupName: 'Original' });
    const body = 'userId=u1&group%5Bkeep%5D=Ignored&group[joinme]=Ignored+too&group%5Bfresh%5D=Fresh+one';
    await expectOk('/group/sync.json', body);

    expect(await groupView(emulator, 'keep')).toEqual({ groupId: 'keep', name: 'Keep', members: ['u1', 'u2'] });
    expect(await groupView(emulator, 'leave')).toEqual({ groupId: 'leave', name: 'Leave', members: ['u2'] });
    expect(await groupView(emulator, 'joinme')).toEqual({ groupId: 'joinme', name: 'Original', members: ['u2', 'u1'] });
    expect(await groupView(emulator, 'fresh')).toEqual({ groupId: 'fresh', name: 'Fresh one', members: ['u1'] });
    const listed = await expectOk('/user/group/query.json', { userId: 'u1' });
    expect((listed.body.groups as { id: string }[]).map((g) => g.id).sort()).toEqual(['fresh', 'joinme', 'keep']);

    await expectOk('/group/sync.json', { userId: 'u1' });
    expect((await expectOk('/user/group/query.json', { userId: 'u1' })).body.groups).toEqual([]);
  });

  describe('3000-member cap', () => {
    const fill = async (groupId: string, count: number): Promise<void> => {
      for (let start = 0; start < count; start += 1000) {
        const batch = userIds(Math.min(1000, count - start)).map((id) => `${id}_${start}`);
        await expectOk('/group/join.json', { userId: batch, groupId });
      }
    };

    it('rejects a join past 3000 whole, and accepts one that reaches exactly 3000', async () => {
      await fill('big', 2998);
      const over = await call('/group/join.json', { userId: ['n1', 'n2', 'n3'], groupId: 'big', groupName: 'Renamed' });
      expect([over.status, over.body.code]).toEqual([400, 1002]);
      const afterReject = await groupView(emulator, 'big');
      expect(afterReject?.members).toHaveLength(2998);
      expect(afterReject?.members).not.toContain('n1');
      expect(afterReject?.name).toBe('big');
      // Existing members and duplicates in the call do not count against the cap.
      await expectOk('/group/create.json', { userId: ['n1', 'n2', 'n1', 'u0_0'], groupId: 'big', groupName: 'B' });
      expect((await groupView(emulator, 'big'))?.members).toHaveLength(3000);
    });

    it('rejects a sync that would push a listed group past 3000, changing nothing', async () => {
      await fill('full', 3000);
      await expectOk('/group/create.json', { userId: 'solo', groupId: 'mine', groupName: 'Mine' });
      const reply = await call('/group/sync.json', { userId: 'solo', 'group[full]': 'F', 'group[other]': 'O' });
      expect([reply.status, reply.body.code]).toEqual([400, 1002]);
      expect((await groupView(emulator, 'mine'))?.members).toEqual(['solo']);
      expect(await groupView(emulator, 'other')).toBeUndefined();
    });
  });

  it('publish records one message per target group, with parsed content', async () => {
    await expectOk('/message/group/publish.json', {
      fromUserId: 'admin',
      toGroupId: ['g1', 'g2'],
      objectName: 'RC:GrpNtf',
      content: JSON.stringify({ operation: 'Add', data: { n: 1 } }),
      pushContent: 'someone joined',
    });
    await expectOk('/message/group/publish.json', {
      fromUserId: 'admin',
      toGroupId: 'g3',
      objectName: 'RC:TxtMsg',
      content: '"plain"',
    });
    const published = await messages(emulator);
    expect(published).toEqual([
      expect.objectContaining({ fromUserId: 'admin', toGroupId: 'g1', content: { operation: 'Add', data: { n: 1 } }, pushContent: 'someone joined' }),
      expect.objectContaining({ toGroupId: 'g2', objectName: 'RC:GrpNtf' }),
      expect.objectContaining({ toGroupId: 'g3', objectName: 'RC:TxtMsg', content: 'plain' }),
    ]);
    expect(published[2]).not.toHaveProperty('pushContent');
    expect(published[0]?.at).toEqual(expect.any(Number));
    expect(await allGroups(emulator)).toEqual([]); // publishing does not create groups
  });
});

describe('emulator group member push aliases (/group/remarks/*)', () => {
  let emulator: RunningEmulator;
  const call = (path: string, params: FormParams | string): Promise<ImReply> => signedPost(emulator, path, params);

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  it('set overwrites, get answers it (empty when none), del removes it; each is a group call', async () => {
    expect((await call('/group/remarks/get.json', { userId: 'u1', groupId: 'g1' })).body).toEqual({ code: 200, remark: '' });
    expect((await call('/group/remarks/set.json', { userId: 'u1', groupId: 'g1', remark: 'First' })).body).toEqual({ code: 200 });
    expect((await call('/group/remarks/set.json', { userId: 'u1', groupId: 'g1', remark: 'Bücherwurm & 100%' })).body).toEqual({ code: 200 });
    expect((await call('/group/remarks/get.json', { userId: 'u1', groupId: 'g1' })).body).toEqual({ code: 200, remark: 'Bücherwurm & 100%' });
    expect((await call('/group/remarks/del.json', { userId: 'u1', groupId: 'g1' })).body).toEqual({ code: 200 });
    expect((await call('/group/remarks/get.json', { userId: 'u1', groupId: 'g1' })).body).toEqual({ code: 200, remark: '' });
  });

  it.for([
    ['/group/remarks/set.json', { groupId: 'g1', remark: 'x' }],
    ['/group/remarks/set.json', { userId: 'u1', remark: 'x' }],
    ['/group/remarks/set.json', { userId: 'u1', groupId: 'g1' }],
    ['/group/remarks/set.json', { userId: 'u1', groupId: 'g1', remark: '' }],
    ['/group/remarks/del.json', { groupId: 'g1' }],
    ['/group/remarks/get.json', { userId: 'u1' }],
    ['/group/remarks/get.json', { userId: 'u1', groupId: 'not-letters' }],
  ] as const)('%s refuses a missing or bad parameter with 1002 (%j), changing nothing', async ([path, params]) => {
    const reply = await call(path, params as FormParams);
    expect(reply).toMatchObject({ status: 400, body: { code: 1002 } });
    expect((await call('/group/remarks/get.json', { userId: 'u1', groupId: 'g1' })).body).toEqual({ code: 200, remark: '' });
  });
});
