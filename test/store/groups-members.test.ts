import { expect, it } from 'vitest';
import { GroupsRepository, type NewGroup } from '../../src/groups/store/groups.repository.js';
import { MembersRepository } from '../../src/groups/store/members.repository.js';
import { OutboxRepository } from '../../src/groups/outbox/outbox.repository.js';
import type { Store } from '../../src/groups/store/database.js';
import type { MemberRole } from '../../src/groups/store/tables.js';
import { MAX_GROUP_MEMBERS } from '../../src/groups/rules.js';
import { describeEachStore, useStore } from '../fixtures/stores.js';

function repositories(store: Store) {
  return { groups: new GroupsRepository(store.db), members: new MembersRepository(store.db) };
}

function newGroup(groupId: string, overrides: Partial<NewGroup> = {}): NewGroup {
  return { groupId, name: `Group ${groupId}`, avatarUrl: null, ownerId: 'owner', memberIds: ['owner'], syncStatus: 'SYNCED', createdAt: 1_000, ...overrides };
}

describeEachStore('groups and members repositories', (target) => {
  const { store } = useStore(target);

  it('insert a group with its members, the owner first, and count them', async () => {
    const { groups, members } = repositories(store());
    await groups.insert(store().db, newGroup('g1', { ownerId: 'ann', memberIds: ['ann', 'bob', 'cat'], createdAt: 5_000 }));

    expect(await groups.findActive(store().db, 'g1')).toEqual({
      groupId: 'g1',
      name: 'Group g1',
      avatarUrl: null,
      visibility: 'PRIVATE',
      description: null,
      announcement: null,
      attributes: [],
      joinPolicy: 'INVITE_ONLY',
      membersCanInvite: false,
      ownerId: 'ann',
      memberCount: 3,
      syncStatus: 'SYNCED',
      syncError: null,
      createdAt: new Date(5_000),
      dismissedAt: null,
      muted: false,
    });
    expect(await members.page('g1', 10, null, null)).toEqual([
      { groupId: 'g1', userId: 'ann', role: 'OWNER', joinedAt: new Date(5_000), nickname: null, mutedUntil: null },
      { groupId: 'g1', userId: 'bob', role: 'MEMBER', joinedAt: new Date(5_001), nickname: null, mutedUntil: null },
      { groupId: 'g1', userId: 'cat', role: 'MEMBER', joinedAt: new Date(5_001), nickname: null, mutedUntil: null },
    ]);
    expect(await groups.idTaken(store().db, 'g1')).toBe(true);
    expect(await groups.idTaken(store().db, 'g2')).toBe(false);
  });

  it('settle the sync status from the outbox in one statement: FAILED with the latest failed change reason, PENDING, or SYNCED (notices aside)', async () => {
    const { groups } = repositories(store());
    const outbox = new OutboxRepository(store().db);
    const db = store().db;
    await groups.insert(db, newGroup('g1', { syncStatus: 'PENDING' }));
    const status = async () => {
      await groups.settleSyncStatus(db, 'g1');
      const group = await groups.findActive(db, 'g1');
      return [group?.syncStatus, group?.syncError];
    };
    const row = (kind: string) => outbox.insert(db, { groupId: 'g1', kind, payload: {}, now: 1 });
    expect(await status()).toEqual(['SYNCED', null]);
    await outbox.fail(db, await row('publishNotification'), { message: 'a notice', imCode: null });
    expect(await status()).toEqual(['SYNCED', null]);
    const join = await row('joinGroup');
    expect(await status()).toEqual(['PENDING', null]);
    await outbox.fail(db, join, { message: 'first refusal', imCode: 1002 });
    await outbox.fail(db, await row('quitGroup'), { message: 'latest refusal', imCode: 1002 });
    expect(await status()).toEqual(['FAILED', 'latest refusal']);
    await row('joinGroup');
    expect(await status()).toEqual(['FAILED', 'latest refusal']);
    await outbox.resolveFailed(db, 'g1');
    expect(await status()).toEqual(['PENDING', null]);
  });

  it('insert the largest group (3000 members) in batches', async () => {
    const { groups, members } = repositories(store());
    const memberIds = Array.from({ length: MAX_GROUP_MEMBERS }, (_, i) => `u${String(i).padStart(4, '0')}`);
    await groups.insert(store().db, newGroup('big', { ownerId: 'u0000', memberIds }));
    expect((await groups.findActive(store().db, 'big'))?.memberCount).toBe(MAX_GROUP_MEMBERS);
    expect((await members.userIdsOf('big')).sort()).toEqual(memberIds);
    expect(await members.find(store().db, 'big', [...memberIds, 'stranger'])).toHaveLength(MAX_GROUP_MEMBERS);
  });

  it('adjust memberCount up and down in place', async () => {
    const { groups } = repositories(store());
    await groups.insert(store().db, newGroup('g1'));
    await groups.adjustMemberCount(store().db, 'g1', 5);
    await groups.adjustMemberCount(store().db, 'g1', -2);
    await groups.adjustMemberCount(store().db, 'g1', 0);
    expect((await groups.findById(store().db, 'g1'))?.memberCount).toBe(4);
  });

  it('page a group’s members by join time, then user id (byte order), ties split across pages', async () => {
    const { groups, members } = repositories(store());
    // One instant for many: only the user id tells them apart, in byte order whatever the locale.
    const sameInstant = ['b', 'B', 'a_1', 'a-2', 'A', 'é', 'z'];
    await groups.insert(store().db, newGroup('g1', { ownerId: 'owner', memberIds: ['owner', ...sameInstant], createdAt: 1_000 }));
    await members.add(store().db, 'g1', ['late2', 'late1'], 2_000);
    await members.setRole(store().db, 'g1', 'z', 'ADMIN');
    const expected = ['owner', 'A', 'B', 'a-2', 'a_1', 'b', 'z', 'é', 'late1', 'late2'];

    const seen: string[] = [];
    let after: { joinedAt: number; userId: string } | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await members.page('g1', 3, after, null);
      seen.push(...page.map((row) => row.userId));
      if (page.length < 3) break;
      const last = page.at(-1)!;
      after = { joinedAt: last.joinedAt.getTime(), userId: last.userId };
    }
    expect(seen).toEqual(expected);

    expect((await members.page('g1', 10, null, 'ADMIN')).map((row) => row.userId)).toEqual(['z']);
    expect((await members.page('g1', 10, null, 'OWNER')).map((row) => row.userId)).toEqual(['owner']);
    expect((await members.page('g1', 10, { joinedAt: 1_001, userId: 'b' }, 'MEMBER')).map((row) => row.userId)).toEqual(['é', 'late1', 'late2']);
  });

  it('page a user’s groups newest membership first, then group id descending, with roles, dismissed groups hidden', async () => {
    const { groups, members } = repositories(store());
    // Joined at one instant: g-a, g-b, g-c (tie), and later g-late; g-gone is dismissed.
    for (const groupId of ['g-a', 'g-c', 'g-b', 'g-gone']) {
      await groups.insert(store().db, newGroup(groupId, { ownerId: 'owner', memberIds: ['owner'], createdAt: 1_000 }));
      await members.add(store().db, groupId, ['me'], 3_000);
    }
    await groups.insert(store().db, newGroup('g-late', { ownerId: 'me', memberIds: ['me'], createdAt: 4_000 }));
    await members.setRole(store().db, 'g-b', 'me', 'ADMIN');
    await groups.setDismissedAt(store().db, 'g-gone', 3_500);

    const seen: Array<[string, MemberRole]> = [];
    let after: { joinedAt: number; groupId: string } | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await members.pageForUser('me', 2, after, null);
      seen.push(...page.map(({ group, member }) => [group.groupId, member.role] as [string, MemberRole]));
      for (const { group, member } of page) expect(member.groupId).toBe(group.groupId);
      if (page.length < 2) break;
      const last = page.at(-1)!.member;
      after = { joinedAt: last.joinedAt.getTime(), groupId: last.groupId };
    }
    expect(seen).toEqual([
      ['g-late', 'OWNER'],
      ['g-c', 'MEMBER'],
      ['g-b', 'ADMIN'],
      ['g-a', 'MEMBER'],
    ]);
    expect((await members.pageForUser('me', 10, null, 'ADMIN')).map(({ group }) => group.groupId)).toEqual(['g-b']);
    expect((await members.pageForUser('me', 10, null, 'MEMBER')).map(({ group }) => group.groupId)).toEqual(['g-c', 'g-a']);
    const [first] = await members.pageForUser('me', 1, null, null);
    expect(first!.group).toMatchObject({ groupId: 'g-late', memberCount: 1, createdAt: new Date(4_000) });
    expect(first!.member.joinedAt).toEqual(new Date(4_000));
  });

  it('read dismissed groups as unknown, except by id for history', async () => {
    const { groups } = repositories(store());
    await groups.insert(store().db, newGroup('kept'));
    await groups.insert(store().db, newGroup('gone'));
    await groups.setDismissedAt(store().db, 'gone', 9_000);
    expect((await groups.findByIds(['kept', 'gone', 'never'])).map((group) => group.groupId)).toEqual(['kept']);
    expect(await groups.findActive(store().db, 'gone')).toBeUndefined();
    expect((await groups.findById(store().db, 'gone'))?.dismissedAt).toEqual(new Date(9_000));
    expect(await groups.idTaken(store().db, 'gone')).toBe(true);
    expect((await groups.pageByStatus('SYNCED', null, 10)).map((group) => group.groupId)).toEqual(['kept']);
  });

  it('restore removed memberships exactly, and delete a group with every member', async () => {
    const { groups, members } = repositories(store());
    await groups.insert(store().db, newGroup('g1', { memberIds: ['owner', 'bob'] }));
    const before = await members.find(store().db, 'g1', ['bob']);
    await members.remove(store().db, 'g1', ['bob']);
    expect(await members.find(store().db, 'g1', ['bob'])).toEqual([]);
    await members.restore(store().db, before);
    expect(await members.find(store().db, 'g1', ['bob'])).toEqual(before);

    await groups.delete(store().db, 'g1');
    expect(await groups.findById(store().db, 'g1')).toBeUndefined();
    expect(await members.userIdsOf('g1')).toEqual([]);
  });

  it('serialize two transactions that each check the member limit and add: both cannot pass 3000', async () => {
    const { groups, members } = repositories(store());
    const founders = Array.from({ length: 2000 }, (_, i) => `f${i}`);
    await groups.insert(store().db, newGroup('g1', { ownerId: 'f0', memberIds: founders }));

    // Each transaction reads the group, then waits (up to 300 ms) for the other to have read it too,
    // then adds 600 if the count it read allows: without the row lock both would read 2000 and pass.
    let read = 0;
    const bothRead = () =>
      new Promise<void>((resolve) => {
        const giveUpAt = Date.now() + 300;
        const check = () => (read >= 2 || Date.now() > giveUpAt ? resolve() : setTimeout(check, 5));
        check();
      });
    const addSixHundred = (prefix: string) =>
      store()
        .db.transaction()
        .execute(async (trx) => {
          const group = await groups.findActiveForChange(trx, 'g1');
          read++;
          await bothRead();
          const newcomers = Array.from({ length: 600 }, (_, i) => `${prefix}${i}`);
          if (group!.memberCount + newcomers.length > MAX_GROUP_MEMBERS) return 'refused';
          await members.add(trx, 'g1', newcomers, 5_000);
          await groups.adjustMemberCount(trx, 'g1', newcomers.length);
          return 'added';
        });

    const outcomes = await Promise.all([addSixHundred('x'), addSixHundred('y')]);
    expect(outcomes.sort()).toEqual(['added', 'refused']);
    expect((await groups.findActive(store().db, 'g1'))?.memberCount).toBe(2600);
    expect(await members.userIdsOf('g1')).toHaveLength(2600);
  });
});
