import { describe, expect, it } from 'vitest';
import { emulatorLog } from '../fixtures/im.js';
import { groupFactory, type Role } from '../kit/factories.js';
import { useGateways, type GatewayKit } from '../kit/gateway-kit.js';

const gateway = useGateways();

const OWNER = 'olga';
const GROUP = 'crowd';
/** 2999 members besides the owner: the 3000 the IM Service allows. Created together, they are in id order. */
const founders = Array.from({ length: 2999 }, (_, i) => `m${String(i).padStart(4, '0')}`);

/** A full group, created at once: one IM create call for the first 1000, then two joins. */
async function crowdedGroup(fixture: GatewayKit) {
  const groups = groupFactory(fixture);
  await groups.create({ groupId: GROUP, owner: OWNER, members: founders });
  expect((await emulatorLog(fixture.emulator)).map((entry) => [entry.path, entry.status])).toEqual([
    ['/group/create.json', 200],
    ['/group/join.json', 200],
    ['/group/join.json', 200],
  ]);
  return groups;
}

/** One page of members, as the owner reads it; fails on any GraphQL error. */
async function membersPage(fixture: GatewayKit, args: { first: number; after?: string | null; role?: Role }) {
  const response = await fixture.groupMembers({ groupId: GROUP, first: args.first, after: args.after ?? null, role: args.role ?? null }, { as: OWNER });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return { memberCount: response.data!.group!.memberCount, ...response.data!.group!.members! };
}

/** Every page, `first` at a time, nothing changing meanwhile. */
async function readAll(fixture: GatewayKit, first: number, role?: Role) {
  const members: Array<{ userId: string; role: Role }> = [];
  let after: string | null = null;
  for (let pages = 1; ; pages++) {
    const page = await membersPage(fixture, { first, after, role });
    members.push(...page.edges.map(({ node }) => ({ userId: node.userId, role: node.role })));
    if (!page.pageInfo.hasNextPage) return members;
    expect(pages, 'pages never end').toBeLessThan(500);
    after = page.pageInfo.endCursor!;
  }
}

describe('Group.members while members come and go', () => {
  it('visits every member who stays exactly once, in join order, newcomers after everyone before them', async () => {
    const fixture = await gateway();
    const groups = await crowdedGroup(fixture);

    // Join order as the product should keep it: the owner, the founders (one instant, id
    // order), then the newcomers in the order they were added.
    const joinOrder = [OWNER, ...founders];
    const presentAtStart = new Set(joinOrder);
    const removed = new Set<string>();
    /** Users removed before the reader reached them: the reader must not see them. */
    const removedAhead = new Set<string>();
    const newcomers: string[] = [];

    const seen: string[] = [];
    let after: string | null = null;
    let round = 0;
    const CHURN_ROUNDS = 12;
    for (;;) {
      const page = await membersPage(fixture, { first: 200, after });
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.memberCount).toBe(3000);
      seen.push(...page.edges.map((edge) => edge.node.userId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
      expect(round, 'pages never end').toBeLessThan(100);

      if (round < CHURN_ROUNDS) {
        // Between two page reads: remove some members, on both sides of the reader and at its
        // very cursor, then add as many users who were never in the group (it stays at 3000).
        const seenSet = new Set(seen);
        const cursorUser = seen.at(-1)!;
        const notYetSeen = joinOrder.filter((userId) => !seenSet.has(userId) && !removed.has(userId));
        const behind = [seen[7 + round * 13]!, seen[Math.floor(seen.length / 2)]!].filter((userId) => userId !== OWNER);
        const ahead = [0, 1, 37, 450, 1200].map((offset) => notYetSeen[Math.min(offset, notYetSeen.length - 1)]!);
        const earlierNewcomer = newcomers.find((userId) => !removed.has(userId));
        const victims = [...new Set([cursorUser, ...behind, ...ahead, ...(earlierNewcomer ? [earlierNewcomer] : [])])].filter(
          (userId) => !removed.has(userId),
        );

        const removedNow = await groups.remove(GROUP, OWNER, victims);
        expect(new Set(removedNow)).toEqual(new Set(victims));
        for (const userId of victims) {
          removed.add(userId);
          if (!seenSet.has(userId)) removedAhead.add(userId);
        }

        const arrivals = victims.map((_, i) => `new${String(round).padStart(2, '0')}x${String(i).padStart(2, '0')}`);
        expect(await groups.add(GROUP, OWNER, arrivals)).toEqual(arrivals);
        newcomers.push(...arrivals);
        joinOrder.push(...arrivals);
      }
      round++;
    }

    // The churn did what it says: removals on both sides of the reader, newcomers read.
    expect(removedAhead.size).toBeGreaterThanOrEqual(CHURN_ROUNDS * 4);
    expect(removed.size - removedAhead.size).toBeGreaterThanOrEqual(CHURN_ROUNDS * 2);
    expect(newcomers.length).toBe(removed.size);

    // No one twice.
    expect(seen.length - new Set(seen).size).toBe(0);
    // Everyone present from before the first page to after the last was seen.
    const stayed = [...presentAtStart].filter((userId) => !removed.has(userId));
    const seenSet = new Set(seen);
    expect(stayed.filter((userId) => !seenSet.has(userId))).toEqual([]);
    // Whoever was removed before the reader got to them was not seen.
    expect([...removedAhead].filter((userId) => seenSet.has(userId))).toEqual([]);
    // In join order: founders, then newcomers in the order they came. A newcomer seen is
    // never followed by someone who was there before them.
    const position = new Map(joinOrder.map((userId, i) => [userId, i]));
    const positions = seen.map((userId) => position.get(userId) ?? -1);
    expect(positions.filter((p) => p < 0)).toEqual([]);
    const outOfOrder = positions.findIndex((p, i) => i > 0 && p <= positions[i - 1]!);
    expect(outOfOrder, `first out of order: ${seen[outOfOrder - 1]} then ${seen[outOfOrder]}`).toBe(-1);
    // Newcomers join at the tail, and the reader ends at the tail: those still in were all seen.
    const newcomersStaying = newcomers.filter((userId) => !removed.has(userId));
    expect(newcomersStaying.length).toBeGreaterThan(0);
    expect(newcomersStaying.filter((userId) => !seenSet.has(userId))).toEqual([]);
    const firstNewcomer = seen.findIndex((userId) => userId.startsWith('new'));
    expect(seen.slice(firstNewcomer).every((userId) => userId.startsWith('new'))).toBe(true);

    // Read again, now that nothing moves: exactly who is left, in join order.
    const finalList = (await readAll(fixture, 200)).map((member) => member.userId);
    expect(finalList).toHaveLength(3000);
    expect(finalList).toEqual(joinOrder.filter((userId) => !removed.has(userId)));
  });
});

describe('Group.members(role:)', () => {
  it('role: ADMIN answers exactly the admins, in join order, at any page size', async () => {
    const fixture = await gateway();
    const groups = await crowdedGroup(fixture);
    for (const userId of ['m2998', 'm0000', 'm1999', 'm0100', 'm0150']) await groups.setRole(GROUP, OWNER, userId, 'ADMIN');
    // One admin demoted again; one promoted who joined after everyone else.
    await groups.setRole(GROUP, OWNER, 'm0150', 'MEMBER');
    expect(await groups.remove(GROUP, OWNER, ['m0500'])).toEqual(['m0500']);
    expect(await groups.add(GROUP, OWNER, ['latecomer'])).toEqual(['latecomer']);
    await groups.setRole(GROUP, OWNER, 'latecomer', 'ADMIN');
    const admins = ['m0000', 'm0100', 'm1999', 'm2998', 'latecomer'];

    for (const first of [200, 2, 1]) {
      const members = await readAll(fixture, first, 'ADMIN');
      expect(members, `pages of ${first}`).toEqual(admins.map((userId) => ({ userId, role: 'ADMIN' })));
    }
    expect(await readAll(fixture, 200, 'OWNER')).toEqual([{ userId: OWNER, role: 'OWNER' }]);

    const plain = await membersPage(fixture, { first: 200, role: 'MEMBER' });
    expect(plain.edges.every((edge) => edge.node.role === 'MEMBER')).toBe(true);
    expect(plain.edges.slice(0, 3).map((edge) => edge.node.userId)).toEqual(['m0001', 'm0002', 'm0003']);
    expect(plain.edges.map((edge) => edge.node.userId)).toContain('m0150');
    expect(plain.edges.map((edge) => edge.node.userId)).not.toContain('m0100');
    expect(plain.pageInfo.hasNextPage).toBe(true);
  });
});
