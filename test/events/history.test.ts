import { expect, it } from 'vitest';
import { describeEachStore } from '../fixtures/stores.js';
import { useStoreGateway } from '../kit/gateway-kit.js';
import { ADMIN, MEMBER, OUTSIDER, OWNER, eventKinds, groupHistory, nextGroupId } from '../kit/factories.js';

/**
 * `Group.events`: every mutation writes its event, read back over HTTP as a member reads the
 * history, oldest first, a page at a time; outsiders are refused with a coded error.
 */
describeEachStore('Group.events, the history of every change', (target) => {
  const gateway = useStoreGateway(target);

  it('holds one event per change, with its actor, the users it is about and what changed, newest last', async () => {
    const groupId = nextGroupId('hist');
    await gateway().must.createGroup({ groupId, name: 'Book club', memberIds: [ADMIN, MEMBER, 'reader'] }, { as: OWNER });
    await gateway().must.setGroupMemberRole({ groupId, userId: ADMIN, role: 'ADMIN' }, { as: OWNER });
    await gateway().must.addGroupMembers({ groupId, userIds: ['newcomer', MEMBER] }, { as: ADMIN });
    await gateway().must.updateGroup({ groupId, name: 'Readers', avatarUrl: 'https://example.com/a.png' }, { as: ADMIN });
    await gateway().must.updateGroup({ groupId, avatarUrl: null }, { as: OWNER });
    await gateway().must.removeGroupMembers({ groupId, userIds: ['newcomer'] }, { as: ADMIN });
    await gateway().must.leaveGroup({ groupId }, { as: 'reader' });
    await gateway().must.transferGroupOwnership({ groupId, userId: MEMBER }, { as: OWNER });

    const events = await groupHistory(gateway(), groupId, MEMBER);
    expect(events).toEqual([
      expect.objectContaining({ __typename: 'GroupCreated', actor: { userId: OWNER }, name: 'Book club', members: [OWNER, ADMIN, MEMBER, 'reader'].map((userId) => ({ userId })) }),
      expect.objectContaining({ __typename: 'MemberRoleChanged', actor: { userId: OWNER }, user: { userId: ADMIN }, role: 'ADMIN', previousRole: 'MEMBER' }),
      // Only who was actually added; the newcomer has since been removed, so their membership reads null.
      expect.objectContaining({ __typename: 'MembersAdded', actor: { userId: ADMIN }, users: [{ userId: 'newcomer', membership: null }] }),
      expect.objectContaining({ __typename: 'GroupProfileUpdated', actor: { userId: ADMIN }, changedFields: ['NAME', 'AVATAR_URL'], name: 'Readers', avatarUrl: 'https://example.com/a.png' }),
      expect.objectContaining({ __typename: 'GroupProfileUpdated', actor: { userId: OWNER }, changedFields: ['AVATAR_URL'], name: 'Readers', avatarUrl: null }),
      expect.objectContaining({ __typename: 'MembersRemoved', actor: { userId: ADMIN }, users: [{ userId: 'newcomer', membership: null }] }),
      expect.objectContaining({ __typename: 'MemberLeft', actor: { userId: 'reader' }, user: { userId: 'reader' } }),
      expect.objectContaining({
        __typename: 'OwnershipTransferred',
        actor: { userId: OWNER },
        previousOwner: { userId: OWNER },
        newOwner: { userId: MEMBER, membership: { role: 'OWNER' } },
      }),
    ]);
    for (const event of events) expect(event).toMatchObject({ groupId, group: { groupId }, occurredAt: expect.any(String) });
    const cursors = events.map((event) => event.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
  });

  it('writes no event for a change that changed nothing', async () => {
    const groupId = nextGroupId('hist');
    await gateway().must.createGroup({ groupId, name: 'Same', memberIds: [MEMBER] }, { as: OWNER });
    await gateway().must.addGroupMembers({ groupId, userIds: [MEMBER] }, { as: OWNER });
    await gateway().must.removeGroupMembers({ groupId, userIds: ['stranger'] }, { as: OWNER });
    await gateway().must.updateGroup({ groupId, name: 'Same' }, { as: OWNER });
    await gateway().must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'MEMBER' }, { as: OWNER });
    await gateway().must.transferGroupOwnership({ groupId, userId: OWNER }, { as: OWNER });
    expect(await eventKinds(gateway(), groupId)).toEqual(['GroupCreated']);
  });

  it('pages oldest first: `after` a page\'s endCursor gives exactly the events that follow', async () => {
    const groupId = nextGroupId('hist');
    await gateway().must.createGroup({ groupId, name: 'Paged', memberIds: [] }, { as: OWNER });
    for (let i = 1; i <= 4; i++) await gateway().must.updateGroup({ groupId, name: `Paged ${i}` }, { as: OWNER });

    const first = (await gateway().groupEvents({ groupId, first: 2 }, { as: OWNER })).data?.group?.events;
    expect(first?.edges.map((edge) => edge.node.__typename)).toEqual(['GroupCreated', 'GroupProfileUpdated']);
    expect(first?.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: first?.edges[1]?.cursor });
    const rest = (await gateway().groupEvents({ groupId, first: 10, after: first?.pageInfo.endCursor }, { as: OWNER })).data?.group?.events;
    expect(rest?.edges.map((edge) => (edge.node as { name?: string }).name)).toEqual(['Paged 2', 'Paged 3', 'Paged 4']);
    expect(rest?.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    // An edge's cursor is its event's own.
    expect(rest?.edges.every((edge) => edge.cursor === edge.node.cursor)).toBe(true);
  });

  it('refuses an outsider with FORBIDDEN, and answers null for the history alone', async () => {
    const groupId = nextGroupId('hist');
    await gateway().must.createGroup({ groupId, name: 'Private', memberIds: [MEMBER] }, { as: OWNER });
    // PRIVATE, the whole group reads as unknown to an outsider; PUBLIC, the profile is readable, the history is not.
    expect(await gateway().groupEvents({ groupId }, { as: OUTSIDER })).toMatchObject({ data: { group: null } });
    await gateway().must.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: OWNER });
    const response = await gateway().groupEvents({ groupId }, { as: OUTSIDER });
    expect(response.data?.group).toEqual({ events: null });
    expect(response.errors).toEqual([expect.objectContaining({ message: 'Only members can read the events of a group.', path: ['group', 'events'], extensions: { code: 'FORBIDDEN' } })]);
  });

  it('refuses a cursor it never gave out, and a page size out of bounds, with BAD_USER_INPUT', async () => {
    const groupId = nextGroupId('hist');
    await gateway().must.createGroup({ groupId, name: 'Bounds', memberIds: [] }, { as: OWNER });
    for (const variables of [{ after: 'bm90LWEtY3Vyc29y' }, { first: 0 }, { first: 101 }]) {
      const response = await gateway().groupEvents({ groupId, ...variables }, { as: OWNER });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it('reads a page of events, with every user they name and their memberships, in the same few statements whatever its size', async () => {
    const statementsFor = async (groupId: string, first: number) => {
      await gateway().app.dispatcher.stop();
      await gateway().app.events.stopReleasing();
      try {
        const before = gateway().app.store.statementCount();
        const response = await gateway().groupEvents({ groupId, first }, { as: OWNER });
        expect(response.errors).toBeUndefined();
        return { statements: gateway().app.store.statementCount() - before, events: response.data?.group?.events?.edges.length };
      } finally {
        gateway().app.events.startReleasing();
        gateway().app.dispatcher.start();
      }
    };
    const groupId = nextGroupId('hist');
    await gateway().must.createGroup({ groupId, name: 'Busy', memberIds: [], notify: false }, { as: OWNER });
    for (let i = 0; i < 40; i++) await gateway().must.addGroupMembers({ groupId, userIds: [`joiner${i}`, `pal${i}`], notify: false }, { as: OWNER });

    const small = await statementsFor(groupId, 2);
    const large = await statementsFor(groupId, 41);
    expect(small.events).toBe(2);
    expect(large.events).toBe(41);
    // The group, the caller's membership, the events (and the retention check), the members they name: one statement each.
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(5);
  });

  it('lists at most 100 of the users an event names (20 unless asked), and counts them all', async () => {
    const groupId = nextGroupId('hist');
    const crowd = Array.from({ length: 130 }, (_, i) => `crowd${String(i).padStart(3, '0')}`);
    await gateway().must.createGroup({ groupId, name: 'Crowd', memberIds: [], notify: false }, { as: OWNER });
    await gateway().must.addGroupMembers({ groupId, userIds: crowd, notify: false }, { as: OWNER });

    const added = async (users?: number) => {
      const response = await gateway().groupEvents({ groupId, ...(users === undefined ? {} : { users }) }, { as: OWNER });
      return { response, event: response.data?.group?.events?.edges[1]?.node as { userCount?: number; users?: Array<{ userId: string }> } | undefined };
    };
    expect((await added()).event).toMatchObject({ userCount: 130, users: crowd.slice(0, 20).map((userId) => expect.objectContaining({ userId })) });
    expect((await added(100)).event?.users).toHaveLength(100);
    const refused = (await added(101)).response;
    expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('first must be from 0 to 100'), extensions: { code: 'BAD_USER_INPUT' } });
  });
});
