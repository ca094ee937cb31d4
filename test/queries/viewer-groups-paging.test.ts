import { afterEach, describe, expect, it, vi } from 'vitest';
import { countStatements, groupFactory, type Role } from '../kit/factories.js';
import { useGateways } from '../kit/gateway-kit.js';
import { allPages, ids, seedVerasGroups, verasList, viewerGroups } from './veras-groups.js';

const gateway = useGateways();

describe('viewer.groups', () => {
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
    // The event releaser sweeps on its own too: stopped as well.
    await fixture.app.events.stopReleasing();

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
