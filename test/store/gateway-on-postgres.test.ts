import { afterEach, describe, expect, it } from 'vitest';
// The README's example operations (schema/operations/), as a client sends them; the rest through the kit.
import { AddMembersDocument, CreateGroupDocument, MyGroupsDocument } from '../generated/graphql.js';
import { noticesSettled, startGateway, userIds, type GatewayFixture } from '../fixtures/gateway.js';
import { emulatorGroup, emulatorLog } from '../fixtures/im.js';
import { postgresStoreTarget, type FreshDatabase } from '../fixtures/stores.js';
import { kitFor, type GatewayKit } from '../kit/gateway-kit.js';

/** The gateway through its front door, over HTTP, with its store in a fresh PostgreSQL schema. */

const postgres = postgresStoreTarget();
const opened: Array<{ fixture: GatewayFixture; database: FreshDatabase }> = [];

afterEach(async () => {
  for (const { fixture, database } of opened.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

async function gatewayOnPostgres(): Promise<GatewayKit> {
  const database = await postgres.fresh();
  const fixture = await startGateway({ config: { databaseUrl: database.url } });
  opened.push({ fixture, database });
  expect(fixture.app.store.dialect).toBe('postgres');
  return kitFor(fixture);
}

async function calls(fixture: GatewayFixture, path: string): Promise<number> {
  return (await emulatorLog(fixture.emulator)).filter((entry) => entry.path === path && entry.status === 200).length;
}

describe.skipIf(postgres.skip)('the gateway on PostgreSQL', () => {
  it('creates a group, adds members, and reads it back with its members and in the viewer’s list', async () => {
    const fixture = await gatewayOnPostgres();
    const created = await fixture.execute(CreateGroupDocument, { input: { groupId: 'bookclub', name: 'Book club', memberIds: ['bob', 'carol'] } }, { as: 'alice' });
    expect(created.data?.createGroup).toMatchObject({
      __typename: 'CreateGroupSuccess',
      group: {
        groupId: 'bookclub',
        memberCount: 3,
        syncStatus: 'SYNCED',
        owner: { userId: 'alice' },
        members: { edges: [{ node: { userId: 'alice', role: 'OWNER' } }, { node: { userId: 'bob' } }, { node: { userId: 'carol' } }] },
      },
    });

    const added = await fixture.execute(AddMembersDocument, { input: { groupId: 'bookclub', userIds: ['dave', 'bob'] } }, { as: 'alice' });
    expect(added.data?.addGroupMembers).toMatchObject({ __typename: 'AddGroupMembersSuccess', addedUserIds: ['dave'], group: { memberCount: 4, syncStatus: 'SYNCED' } });

    const read = await fixture.group({ groupId: 'bookclub' }, { as: 'bob' });
    expect(read.errors).toBeUndefined();
    expect(read.data?.group).toEqual({
      groupId: 'bookclub',
      name: 'Book club',
      syncStatus: 'SYNCED',
      memberCount: 4,
      members: {
        edges: [
          { node: { userId: 'alice', role: 'OWNER' } },
          { node: { userId: 'bob', role: 'MEMBER' } },
          { node: { userId: 'carol', role: 'MEMBER' } },
          { node: { userId: 'dave', role: 'MEMBER' } },
        ],
        pageInfo: { hasNextPage: false },
      },
      // Also read by the kit's group query: the rest of the profile, as bob sees it.
      avatarUrl: null,
      visibility: 'PRIVATE',
      createdAt: expect.any(String),
      syncError: null,
      viewerRole: 'MEMBER',
      owner: { userId: 'alice', role: 'OWNER' },
    });

    const mine = await fixture.execute(MyGroupsDocument, { first: 5 }, { as: 'dave' });
    expect(mine.data?.viewer?.groups.edges.map((edge) => [edge.node.groupId, edge.role])).toEqual([['bookclub', 'MEMBER']]);
    expect(typeof Date.parse(mine.data!.viewer!.groups.edges[0]!.joinedAt)).toBe('number');

    expect((await emulatorGroup(fixture.emulator, 'bookclub'))?.members.sort()).toEqual(['alice', 'bob', 'carol', 'dave']);
    // The notices follow their changes in the background (the client does not wait for them).
    await noticesSettled(fixture);
    const rows = await fixture.app.store.db.selectFrom('outbox').select(['status']).distinct().execute();
    expect(rows).toEqual([{ status: 'DONE' }]);
  });

  it('answers a repeated idempotent createGroup with the first result, creating one group', async () => {
    const fixture = await gatewayOnPostgres();
    const request = { input: { name: 'Once', memberIds: ['bob'], idempotencyKey: 'create-once' } };
    const first = await fixture.response.createGroup(request.input, { as: 'alice' });
    const again = await Promise.all([1, 2, 3].map(() => fixture.response.createGroup(request.input, { as: 'alice' })));

    expect(first.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { memberCount: 2 } });
    for (const answer of again) expect(answer.data?.createGroup).toEqual(first.data?.createGroup);
    expect(await calls(fixture, '/group/create.json')).toBe(1);
    expect(await fixture.app.store.db.selectFrom('groups').select('group_id').execute()).toHaveLength(1);
  });

  it('lets only one of two concurrent additions take a group past 3000 members', async () => {
    const fixture = await gatewayOnPostgres();
    const founders = userIds(1999, 'f');
    const created = await fixture.execute(CreateGroupDocument, { input: { groupId: 'crowd', name: 'Crowd', memberIds: founders } }, { as: 'olga' });
    expect(created.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { memberCount: 2000 } });

    // 2000 + 600 fits, 2000 + 600 + 600 does not: each request alone would pass the check.
    const answers = await Promise.all(
      ['x', 'y'].map((prefix) => fixture.execute(AddMembersDocument, { input: { groupId: 'crowd', userIds: userIds(600, prefix) } }, { as: 'olga' })),
    );
    const outcomes = answers.map((answer) => answer.data?.addGroupMembers?.__typename).sort();
    expect(outcomes).toEqual(['AddGroupMembersSuccess', 'MemberLimitExceededError']);
    expect(answers.map((answer) => answer.data?.addGroupMembers)).toContainEqual(
      expect.objectContaining({ __typename: 'MemberLimitExceededError', limit: 3000, requested: 3200 }),
    );

    const stored = await fixture.app.store.db.selectFrom('group_members').select((eb) => eb.fn.countAll<number>().as('n')).where('group_id', '=', 'crowd').executeTakeFirstOrThrow();
    expect(stored.n).toBe(2600);
    expect((await fixture.app.store.db.selectFrom('groups').select('member_count').where('group_id', '=', 'crowd').executeTakeFirstOrThrow()).member_count).toBe(2600);
    expect((await emulatorGroup(fixture.emulator, 'crowd'))?.members).toHaveLength(2600);
  });
});
