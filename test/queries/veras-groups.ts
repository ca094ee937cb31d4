import { expect } from 'vitest';
import { groupFactory, laterMillisecond, type Role } from '../kit/factories.js';
import type { GatewayKit } from '../kit/gateway-kit.js';

/** Vera's groups, and how the viewer.groups specifications read a caller's list. */

/** One page of the caller's groups; fails on any GraphQL error. */
export async function viewerGroups(fixture: GatewayKit, as: string, args: { first?: number; after?: string | null; role?: Role } = {}) {
  const response = await fixture.viewerGroups({ first: args.first, after: args.after ?? null, role: args.role ?? null }, { as });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.data?.viewer?.userId).toBe(as);
  return response.data!.viewer!.groups;
}

/** Reads every page, `first` at a time; answers the edges in order and each page's flags. */
export async function allPages(fixture: GatewayKit, as: string, first: number, role?: Role) {
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

export const ids = (edges: ReadonlyArray<{ node: { groupId: string } }>) => edges.map((edge) => edge.node.groupId);

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
export async function seedVerasGroups(fixture: GatewayKit) {
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
export const verasList = [
  { groupId: 'club6', role: 'ADMIN', owner: 'pat', memberCount: 3 },
  { groupId: 'club3', role: 'MEMBER', owner: 'oscar', memberCount: 3 },
  { groupId: 'club5', role: 'OWNER', owner: 'vera', memberCount: 1 },
  { groupId: 'club4', role: 'ADMIN', owner: 'pat', memberCount: 2 },
  { groupId: 'club2', role: 'OWNER', owner: 'vera', memberCount: 2 },
  { groupId: 'club1', role: 'MEMBER', owner: 'oscar', memberCount: 3 },
] as const;
