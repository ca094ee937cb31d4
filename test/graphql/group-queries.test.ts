import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { syncedGroup } from '../kit/factories.js';
import { kitFor, type GatewayKit } from '../kit/gateway-kit.js';

const gateways: GatewayFixture[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function gateway(): Promise<GatewayKit> {
  const fixture = await startGateway();
  gateways.push(fixture);
  return kitFor(fixture);
}

interface NewGroup {
  groupId: string;
  name: string;
  memberIds?: string[];
  avatarUrl?: string;
}

/** Creates a group through the mutation, as `owner`; fails the test unless the IM Service has it. */
function createGroup(fixture: GatewayKit, { memberIds, ...input }: NewGroup, owner = 'alice') {
  return syncedGroup(fixture, { ...input, members: memberIds, owner, notify: true });
}

/** A fixed-seed Fisher–Yates shuffle, so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const pad = (n: number) => String(n).padStart(3, '0');

describe('group(groupId:)', () => {
  it('reads back a created group: profile, owner, creation time, sync status and members', async () => {
    const fixture = await gateway();
    const before = Date.now();
    await createGroup(fixture, {
      groupId: 'bookclub',
      name: 'Book club',
      memberIds: ['bob', 'carol'],
      avatarUrl: 'https://example.com/book.png',
    });
    const after = Date.now();

    const response = await fixture.group({ groupId: 'bookclub' }, { as: 'alice' });

    expect(response.errors).toBeUndefined();
    const group = response.data?.group;
    expect(group).toMatchObject({
      groupId: 'bookclub',
      name: 'Book club',
      avatarUrl: 'https://example.com/book.png',
      memberCount: 3,
      syncStatus: 'SYNCED',
      syncError: null,
      owner: { userId: 'alice', role: 'OWNER' },
    });
    const createdAt = Date.parse(group!.createdAt);
    expect(group!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(createdAt).toBeGreaterThanOrEqual(before);
    expect(createdAt).toBeLessThanOrEqual(after);
    expect(group!.members!.edges.map((edge) => edge.node)).toEqual([
      { userId: 'alice', role: 'OWNER' },
      { userId: 'bob', role: 'MEMBER' },
      { userId: 'carol', role: 'MEMBER' },
    ]);
    expect(group!.members!.pageInfo.hasNextPage).toBe(false);
  });

  it('answers null, without an error, for an id no group has', async () => {
    const fixture = await gateway();
    await createGroup(fixture, { groupId: 'known', name: 'Known' });

    const response = await fixture.group({ groupId: 'unknown' }, { as: 'alice' });

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ group: null });
  });
});

describe('groups(groupIds:)', () => {
  it('answers in the order asked, with null where a group is unknown (or PRIVATE to a non-member)', async () => {
    const fixture = await gateway();
    await createGroup(fixture, { groupId: 'first', name: 'First' }, 'alice');
    await createGroup(fixture, { groupId: 'second', name: 'Second', memberIds: ['carol'] }, 'bob');
    await createGroup(fixture, { groupId: 'third', name: 'Third' }, 'bob');
    await fixture.must.updateGroup({ groupId: 'second', visibility: 'PUBLIC' }, { as: 'bob' });

    const response = await fixture.groups({ groupIds: ['second', 'nope', 'first', 'third', 'second'] }, { as: 'alice' });

    expect(response.errors).toBeUndefined();
    expect(response.data?.groups).toEqual([
      { groupId: 'second', name: 'Second', memberCount: 2, owner: { userId: 'bob' } },
      null,
      { groupId: 'first', name: 'First', memberCount: 1, owner: { userId: 'alice' } },
      null,
      { groupId: 'second', name: 'Second', memberCount: 2, owner: { userId: 'bob' } },
    ]);
  });

  it('refuses more than 100 ids with a GraphQL error that names the limit', async () => {
    const fixture = await gateway();
    const groupIds = Array.from({ length: 101 }, (_, i) => `g${i}`);

    const response = await fixture.groups({ groupIds }, { as: 'alice' });

    expect(response.data?.groups ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.message).toContain('100');

    // Exactly 100 is still fine.
    const atLimit = await fixture.groups({ groupIds: groupIds.slice(0, 100) }, { as: 'alice' });
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data?.groups).toHaveLength(100);
  });

  it('reads any number of groups, with their owners, in at most 2 SQL statements', async () => {
    const fixture = await gateway();
    const known = Array.from({ length: 30 }, (_, i) => `group${pad(i)}`);
    for (const [i, groupId] of known.entries()) {
      await createGroup(fixture, { groupId, name: `Group ${i}`, memberIds: [`friend${i}`] }, `owner${i}`);
      // Public, so that alice, in none of them, reads them all.
      await fixture.must.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: `owner${i}` });
    }
    // The outbox dispatcher polls the store every 500 ms on its own; stopped, nothing but
    // the request under test can touch the statement counter between the two reads.
    await fixture.app.dispatcher.stop();
    // The event releaser sweeps on its own too: stopped as well.
    await fixture.app.events.stopReleasing();

    const statementsFor = async (groupIds: string[]) => {
      const before = fixture.app.store.statementCount();
      const response = await fixture.groups({ groupIds }, { as: 'alice' });
      const statements = fixture.app.store.statementCount() - before;
      expect(response.errors).toBeUndefined();
      return { groups: response.data!.groups, statements };
    };

    const unknown = Array.from({ length: 70 }, (_, i) => `unknown${pad(i)}`);
    const hundred = shuffled([...known, ...unknown]);
    const many = await statementsFor(hundred);
    expect(many.groups).toEqual(
      hundred.map((groupId) => {
        const i = known.indexOf(groupId);
        return i < 0 ? null : { groupId, name: `Group ${i}`, memberCount: 2, owner: { userId: `owner${i}` } };
      }),
    );

    const few = await statementsFor(hundred.slice(0, 10));
    expect(few.groups).toHaveLength(10);

    expect({ '10 ids': few.statements, '100 ids': many.statements }).toEqual({
      '10 ids': expect.toSatisfy((n: number) => n >= 1 && n <= 2),
      '100 ids': expect.toSatisfy((n: number) => n >= 1 && n <= 2),
    });
  });
});

describe('node(id:)', () => {
  it("returns the group a Group's global id names, and null for a group this gateway does not have", async () => {
    const fixture = await gateway();
    const created = await createGroup(fixture, { groupId: 'noded', name: 'Noded' });

    const response = await fixture.node({ id: created.id }, { as: 'alice' });

    expect(response.errors).toBeUndefined();
    expect(response.data?.node).toEqual({ __typename: 'Group', id: created.id, groupId: 'noded', name: 'Noded' });

    // A well-formed global id, taken from another gateway, of a group this one never had.
    const elsewhere = await createGroup(await gateway(), { groupId: 'ghost', name: 'Ghost' });
    const missing = await fixture.node({ id: elsewhere.id }, { as: 'alice' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.node).toBeNull();
  });
});

describe('Group.members', () => {
  // Members created with the group join at one instant: among them the order is by user id,
  // so ids are chosen whose creation order is also their id order.
  const memberIds = Array.from({ length: 249 }, (_, i) => `member${pad(i + 1)}`);

  it('pages through 250 members 100 at a time: each exactly once, in join order', async () => {
    const fixture = await gateway();
    await createGroup(fixture, { groupId: 'big', name: 'Big', memberIds });

    const page = (first: number, after: string | null) =>
      fixture.groupMembers({ groupId: 'big', first, after }, { as: 'alice' });

    const seen: string[] = [];
    const hasNext: boolean[] = [];
    const endCursors: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const response = await page(100, after);
      expect(response.errors).toBeUndefined();
      const members = response.data!.group!.members!;
      expect(members.pageInfo.hasPreviousPage).toBe(i > 0);
      seen.push(...members.edges.map((edge) => edge.node.userId));
      hasNext.push(members.pageInfo.hasNextPage);
      after = members.pageInfo.endCursor ?? null;
      endCursors.push(after ?? '');
    }

    expect(hasNext).toEqual([true, true, false]);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    expect(seen).toEqual(['alice', ...memberIds]);

    // A page that ends exactly at the last member says that none follow.
    const lastFifty = await page(50, endCursors[1]!);
    const members = lastFifty.data!.group!.members!;
    expect(members.edges.map((edge) => edge.node.userId)).toEqual(memberIds.slice(-50));
    expect(members.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['first: 0', { first: 0 }],
    ['first: 201', { first: 201 }],
    ['an after that is not a cursor', { after: 'not-a-cursor' }],
  ])('refuses %s with a BAD_USER_INPUT error', async (_case, args) => {
    const fixture = await gateway();
    await createGroup(fixture, { groupId: 'paged', name: 'Paged', memberIds: ['bob'] });

    const response = await fixture.groupMembers({ groupId: 'paged', ...args }, { as: 'alice' });

    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    // The member list fails alone: the rest of the group still renders.
    expect(response.data?.group).toMatchObject({ memberCount: 2, members: null });
  });
});
