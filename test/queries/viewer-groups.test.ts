import { describe, expect, it } from 'vitest';
import type { Role } from '../kit/factories.js';
import { useGateways } from '../kit/gateway-kit.js';
import { allPages, ids, seedVerasGroups, verasList, viewerGroups } from './veras-groups.js';

const gateway = useGateways();

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

});
