import { afterEach, describe, expect, it, vi } from 'vitest';
import { countStatements, groupFactory, laterMillisecond } from '../kit/factories.js';
import { useGateways, type GatewayKit } from '../kit/gateway-kit.js';

type Role = 'OWNER' | 'ADMIN' | 'MEMBER';

const gateway = useGateways();

/** One page of the caller's groups; fails on any GraphQL error. */
async function viewerGroups(fixture: GatewayKit, as: string, args: { first?: number; after?: string | null; role?: Role } = {}) {
  const response = await fixture.viewerGroups({ first: args.first, after: args.after ?? null, role: args.role ?? null }, { as });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.data?.viewer?.userId).toBe(as);
  return response.data!.viewer!.groups;
}

/** Reads every page, `first` at a time; answers the edges in order and each page's flags. */
async function allPages(fixture: GatewayKit, as: string, first: number, role?: Role) {
  const edges: Awaited<ReturnType<typeof viewerGroups>>['edges'] = [];
  const pages: Array<{ size: number; hasNextPage: boolean; hasPreviousPage: boolean }> = [];
  let after: string | null = null;
  for (;;) {
    const page = await viewerGroups(fixture, as, { first, after, role });
    edges.push(...page.edges);
    pages.push({ size: page.edges.length, hasNextPage: page.pageInfo.hasNextPage, hasPreviousPage: page.pageInfo.hasPreviousPage });
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) return { edges, pages };
    expect(pages.length, 'pages never end').toBeLessThan(100);
    after = page.pageInfo.endCursor!;
  }
}

const ids = (edges: ReadonlyArray<{ node: { groupId: string } }>) => edges.map((edge) => edge.node.groupId);

/**
 * Vera's world, built one step per millisecond so that every membership has its own time.
 * Two groups she joins long after they were created (club3, club6), so membership order
 * differs from creation order; two she administers; one, `other`, she is not in.
 *
 *   step  change                                          vera's role   members
 *   1     oscar creates club1 with vera and bob          MEMBER        3
 *   2     vera creates club2 with bob                    OWNER         2
 *   3     oscar creates club3 with bob (not vera)        —
 *   4     pat creates club4 with vera, makes her admin   ADMIN         2
 *   5     vera creates club5 alone                       OWNER         1
 *   6     oscar adds vera to club3                       MEMBER        3
 *   7     pat creates club6, adds vera and carol,        ADMIN         3
 *         makes vera admin
 *   8     quinn creates other with bob                   —
 */
async function seedVerasGroups(fixture: GatewayKit) {
  const groups = groupFactory(fixture);
  const created: Record<string, number> = {};
  const step = async (work: () => Promise<unknown>) => {
    await work();
    await laterMillisecond();
  };
  await step(async () => (created.club1 = (await groups.create({ groupId: 'club1', owner: 'oscar', members: ['vera', 'bob'] })).createdAt));
  await step(async () => (created.club2 = (await groups.create({ groupId: 'club2', owner: 'vera', members: ['bob'] })).createdAt));
  await step(async () => (created.club3 = (await groups.create({ groupId: 'club3', owner: 'oscar', members: ['bob'] })).createdAt));
  await step(async () => {
    created.club4 = (await groups.create({ groupId: 'club4', owner: 'pat', members: ['vera'] })).createdAt;
    await groups.setRole('club4', 'pat', 'vera', 'ADMIN');
  });
  await step(async () => (created.club5 = (await groups.create({ groupId: 'club5', owner: 'vera' })).createdAt));
  await step(async () => expect(await groups.add('club3', 'oscar', ['vera'])).toEqual(['vera']));
  await step(async () => {
    created.club6 = (await groups.create({ groupId: 'club6', owner: 'pat' })).createdAt;
    await laterMillisecond();
    expect(await groups.add('club6', 'pat', ['vera', 'carol'])).toEqual(['vera', 'carol']);
    await groups.setRole('club6', 'pat', 'vera', 'ADMIN');
  });
  await step(() => groups.create({ groupId: 'other', owner: 'quinn', members: ['bob'] }));
  return { groups, created };
}

/** What vera should see, newest membership first. */
const verasList = [
  { groupId: 'club6', role: 'ADMIN', owner: 'pat', memberCount: 3 },
  { groupId: 'club3', role: 'MEMBER', owner: 'oscar', memberCount: 3 },
  { groupId: 'club5', role: 'OWNER', owner: 'vera', memberCount: 1 },
  { groupId: 'club4', role: 'ADMIN', owner: 'pat', memberCount: 2 },
  { groupId: 'club2', role: 'OWNER', owner: 'vera', memberCount: 2 },
  { groupId: 'club1', role: 'MEMBER', owner: 'oscar', memberCount: 3 },
] as const;

describe('viewer', () => {
  it('is null, without an error, when the request names no caller', async () => {
    const fixture = await gateway();

    const response = await fixture.viewer({});

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ viewer: null });
  });

  it('names the caller', async () => {
    const fixture = await gateway();

    const response = await fixture.viewer({}, { as: 'vera' });

    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ viewer: { userId: 'vera' } });
  });
});

describe('viewer.groups', () => {
  it("lists the caller's groups, newest membership first, each with the caller's role and join time", async () => {
    const fixture = await gateway();
    const { created } = await seedVerasGroups(fixture);

    const page = await viewerGroups(fixture, 'vera');

    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(
      page.edges.map(({ role, node }) => ({ groupId: node.groupId, role, owner: node.owner.userId, memberCount: node.memberCount })),
    ).toEqual(verasList);
    for (const edge of page.edges) {
      // The edge and the group agree on who the caller is there.
      expect(edge.node.viewerRole, edge.node.groupId).toBe(edge.role);
      expect(edge.node.name).toBe(`Group ${edge.node.groupId}`);
      expect(Date.parse(edge.node.createdAt)).toBe(created[edge.node.groupId]);
    }

    const joinedAt = Object.fromEntries(page.edges.map((edge) => [edge.node.groupId, Date.parse(edge.joinedAt)]));
    // Newest membership first: strictly decreasing join times.
    const times = page.edges.map((edge) => Date.parse(edge.joinedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(times.length);
    // Her own groups she joined as she created them; groups she was created into, with them.
    for (const groupId of ['club2', 'club5']) expect(joinedAt[groupId]).toBe(created[groupId]);
    for (const groupId of ['club1', 'club4']) expect(joinedAt[groupId]! - created[groupId]!).toBeLessThanOrEqual(1);
    // club3 and club6 she joined later: after club5 was created, which is why they come first.
    expect(joinedAt.club3).toBeGreaterThan(created.club5!);
    expect(joinedAt.club6).toBeGreaterThan(created.club6!);
    expect(created.club3).toBeLessThan(created.club4!);
  });

  it("lists only the caller's groups: another member sees their own list", async () => {
    const fixture = await gateway();
    await seedVerasGroups(fixture);

    expect(ids((await viewerGroups(fixture, 'bob')).edges)).toEqual(['other', 'club3', 'club2', 'club1']);
    expect((await viewerGroups(fixture, 'carol')).edges.map((edge) => [edge.node.groupId, edge.role])).toEqual([['club6', 'MEMBER']]);
    expect((await viewerGroups(fixture, 'nobody')).edges).toEqual([]);
  });

  it('role: ADMIN lists exactly the groups the caller administers, still newest membership first', async () => {
    const fixture = await gateway();
    await seedVerasGroups(fixture);

    const byRole = async (role: Role) => (await viewerGroups(fixture, 'vera', { role })).edges.map((edge) => [edge.node.groupId, edge.role]);

    expect(await byRole('ADMIN')).toEqual([
      ['club6', 'ADMIN'],
      ['club4', 'ADMIN'],
    ]);
    expect(await byRole('OWNER')).toEqual([
      ['club5', 'OWNER'],
      ['club2', 'OWNER'],
    ]);
    expect(await byRole('MEMBER')).toEqual([
      ['club3', 'MEMBER'],
      ['club1', 'MEMBER'],
    ]);
  });

  it('role: ADMIN pages too, one group at a time', async () => {
    const fixture = await gateway();
    await seedVerasGroups(fixture);

    const { edges, pages } = await allPages(fixture, 'vera', 1, 'ADMIN');

    expect(ids(edges)).toEqual(['club6', 'club4']);
    expect(pages.map((page) => page.hasNextPage)).toEqual([true, false]);
  });

  it("drops a dismissed group from every member's list", async () => {
    const fixture = await gateway();
    const { groups } = await seedVerasGroups(fixture);

    await groups.dismiss('club5', 'vera');
    await groups.dismiss('club3', 'oscar');

    expect(ids((await viewerGroups(fixture, 'vera')).edges)).toEqual(['club6', 'club4', 'club2', 'club1']);
    expect(ids((await viewerGroups(fixture, 'bob')).edges)).toEqual(['other', 'club2', 'club1']);
    expect(ids((await viewerGroups(fixture, 'vera', { role: 'OWNER' })).edges)).toEqual(['club2']);
  });

  it.each([1, 2, 4, 5, 6])('pages %i at a time: every group exactly once, in the same order as one page', async (first) => {
    const fixture = await gateway();
    await seedVerasGroups(fixture);

    const { edges, pages } = await allPages(fixture, 'vera', first);

    expect(ids(edges)).toEqual(verasList.map((group) => group.groupId));
    const expectedPages = Math.max(1, Math.ceil(verasList.length / first));
    expect(pages).toHaveLength(expectedPages);
    expect(pages.map((page) => page.hasPreviousPage)).toEqual(pages.map((_, i) => i > 0));
    expect(pages.map((page) => page.hasNextPage)).toEqual(pages.map((_, i) => i < expectedPages - 1));
    expect(pages.every((page, i) => page.size === (i < expectedPages - 1 ? first : verasList.length - first * i))).toBe(true);
  });

  it.each([
    ['first: 0', { first: 0 }],
    ['first: 101', { first: 101 }],
    ['an after that is not a cursor', { after: 'not-a-cursor' }],
  ])('refuses %s with a BAD_USER_INPUT error', async (_case, args) => {
    const fixture = await gateway();
    await groupFactory(fixture).create({ groupId: 'solo', owner: 'vera' });

    const response = await fixture.viewerGroups(args, { as: 'vera' });

    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.data?.viewer ?? null).toBeNull();
  });

  it('refuses a cursor from a member list: the two lists have positions of different kinds', async () => {
    const fixture = await gateway();
    await groupFactory(fixture).create({ groupId: 'solo', owner: 'vera', members: ['bob'] });
    const members = await fixture.groupMembers({ groupId: 'solo' , first: 1 }, { as: 'vera' });
    const memberCursor = members.data!.group!.members!.pageInfo.endCursor!;

    const response = await fixture.viewerGroups({ after: memberCursor }, { as: 'vera' });

    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('takes 100 at most in one page', async () => {
    const fixture = await gateway();
    await groupFactory(fixture).create({ groupId: 'solo', owner: 'vera' });

    const page = await viewerGroups(fixture, 'vera', { first: 100 });

    expect(ids(page.edges)).toEqual(['solo']);
  });

  describe('when memberships share one join time', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('orders them by group id, newest first, and pages through them each exactly once', async () => {
      const fixture = await gateway();
      const groups = groupFactory(fixture);
      // A stopped clock: every group is created in the same millisecond. Vera owns some (she
      // joins at that instant) and is created into the others (one millisecond later).
      vi.setSystemTime(Date.now());
      const owned = ['t03', 't07', 't01', 't10', 't05'];
      const memberOf = ['t08', 't02', 't11', 't04', 't09', 't06', 't00'];
      for (const groupId of owned) await groups.create({ groupId, owner: 'vera', members: ['bob'] });
      for (const groupId of memberOf) await groups.create({ groupId, owner: 'bob', members: ['vera'] });
      vi.useRealTimers();

      const single = await viewerGroups(fixture, 'vera', { first: 100 });
      const descending = (list: string[]) => [...list].sort().reverse();
      expect(ids(single.edges)).toEqual([...descending(memberOf), ...descending(owned)]);
      expect(new Set(single.edges.map((edge) => edge.joinedAt)).size).toBe(2);

      for (const first of [1, 3, 5]) {
        const { edges } = await allPages(fixture, 'vera', first);
        expect(ids(edges), `pages of ${first}`).toEqual(ids(single.edges));
      }
    });
  });

  it('answers a page with a constant number of SQL statements, whatever its size', async () => {
    const fixture = await gateway();
    const groups = groupFactory(fixture);
    // 120 groups vera belongs to: 40 she owns, 50 she is a member of, 30 she administers,
    // under six other owners; plus a group she is not in.
    const expected = new Map<string, { role: Role; owner: string; memberCount: number }>();
    const pad = (n: number) => String(n).padStart(3, '0');
    for (let i = 0; i < 120; i++) {
      const groupId = `g${pad(i)}`;
      // Interleaved by i % 12: 4 of every 12 owned, 3 administered, 5 plain memberships.
      const role: Role = i % 12 < 4 ? 'OWNER' : i % 12 < 7 ? 'ADMIN' : 'MEMBER';
      if (role === 'OWNER') {
        await groups.create({ groupId, owner: 'vera', members: [`friend${i}`] });
        expected.set(groupId, { role, owner: 'vera', memberCount: 2 });
        continue;
      }
      const owner = `owner${i % 6}`;
      const members = i % 5 === 0 ? ['vera'] : ['vera', `friend${i}`, `friend${i + 1}`];
      await groups.create({ groupId, owner, members });
      if (role === 'ADMIN') await groups.setRole(groupId, owner, 'vera', 'ADMIN');
      expected.set(groupId, { role, owner, memberCount: members.length + 1 });
    }
    await groups.create({ groupId: 'elsewhere', owner: 'owner1', members: ['friend1'] });
    const roles = [...expected.values()].map((group) => group.role);
    const howMany = (role: Role) => roles.filter((r) => r === role).length;
    expect({ OWNER: howMany('OWNER'), ADMIN: howMany('ADMIN'), MEMBER: howMany('MEMBER') }).toEqual({ OWNER: 40, ADMIN: 30, MEMBER: 50 });
    // The outbox dispatcher polls the store on its own; stopped, only the request under test counts.
    await fixture.app.dispatcher.stop();

    const readAll = async (first: number) => {
      const statements: number[] = [];
      const edges: Awaited<ReturnType<typeof viewerGroups>>['edges'] = [];
      let after: string | null = null;
      for (;;) {
        const { result: page, statements: count } = await countStatements(fixture, () => viewerGroups(fixture, 'vera', { first, after }));
        statements.push(count);
        edges.push(...page.edges);
        if (!page.pageInfo.hasNextPage) return { edges, statements };
        after = page.pageInfo.endCursor!;
      }
    };

    const fifties = await readAll(50);
    const tens = await readAll(10);

    expect(fifties.edges.map((edge) => edge.node.groupId)).toEqual(tens.edges.map((edge) => edge.node.groupId));
    expect(new Set(ids(fifties.edges))).toEqual(new Set(expected.keys()));
    expect(fifties.edges).toHaveLength(120);
    for (const { role, node } of fifties.edges) {
      const want = expected.get(node.groupId)!;
      expect({ role, viewerRole: node.viewerRole, owner: node.owner.userId, memberCount: node.memberCount }, node.groupId).toEqual({
        role: want.role,
        viewerRole: want.role,
        owner: want.owner,
        memberCount: want.memberCount,
      });
    }

    // Per page request, whatever its size:
    //  1. the keyset page itself: one SELECT of the caller's memberships joined with their
    //     groups (`pageForUser`). It brings each group's row (memberCount is a column) and the
    //     caller's membership, which prime the group and viewerMembership loaders: edge `role`,
    //     edge `joinedAt` and `node.viewerRole` cost nothing more;
    //  2. `owner { userId }`: the owner DataLoader batches every group of the page into one
    //     `SELECT ... WHERE group_id IN (...) AND role = 'OWNER'`.
    expect(fifties.statements).toHaveLength(3);
    expect(tens.statements).toHaveLength(12);
    const perPage = fifties.statements[0]!;
    expect(perPage).toBeLessThanOrEqual(3);
    expect(perPage).toBe(2);
    expect({ 'pages of 50': fifties.statements, 'pages of 10': tens.statements }).toEqual({
      'pages of 50': fifties.statements.map(() => perPage),
      'pages of 10': tens.statements.map(() => perPage),
    });
  });
});
