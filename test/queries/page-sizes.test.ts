import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_GROUPS_PAGE, MAX_GROUPS_PER_READ, MAX_MEMBERS_PAGE, DEFAULT_GROUPS_PAGE, DEFAULT_MEMBERS_PAGE } from '../../src/groups/rules.js';
import { LIMIT_CODES } from '../../src/graphql/limit-errors.js';
import { QUERY_LIMITS } from '../../src/graphql/limits.js';
import { syncedGroup } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import type { GraphQLResponse } from '../kit/http.js';

/**
 * Every page size the schema documents gets data, written as a literal, as a variable, or left
 * to its default, alone and nested as a conversation list nests it (100 groups, 10 members
 * each); nesting is bounded by the product of its page sizes, whichever way they are written.
 */

const OWNER = 'alice';
const CONVERSATIONS = Array.from({ length: MAX_GROUPS_PER_READ }, (_, i) => `conv${String(i).padStart(3, '0')}`);
const CROWD = 'crowd';
const CROWD_SIZE = MAX_MEMBERS_PAGE + 50;

let kit: GatewayKit;
beforeAll(async () => {
  kit = await startKit();
  await syncedGroup(kit, { groupId: CROWD, owner: OWNER, members: Array.from({ length: CROWD_SIZE - 1 }, (_, i) => `crowd${i}`) });
  for (let start = 0; start < CONVERSATIONS.length; start += 10) {
    await Promise.all(
      CONVERSATIONS.slice(start, start + 10).map((groupId) =>
        syncedGroup(kit, { groupId, owner: OWNER, members: Array.from({ length: 9 }, (_, i) => `${groupId}m${i}`) }),
      ),
    );
  }
}, 60_000);
afterAll(() => kit.close());

type Answer = GraphQLResponse<Record<string, any>>;

function run(document: string, variables?: Record<string, unknown>): Promise<Answer> {
  return kit.execute(parse(document), variables, { as: OWNER });
}

function expectData(answer: Answer): Record<string, any> {
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  expect(answer.status).toBe(200);
  return answer.data!;
}

/** The page size as an argument: a literal, a variable, or left out (the schema's default). */
const WRITTEN = ['literal', 'variable', 'default'] as const;
type Written = (typeof WRITTEN)[number];

function pageArgument(written: Written, size: number): { argument: string; declaration: string; variables: Record<string, unknown> } {
  if (written === 'literal') return { argument: `(first: ${size})`, declaration: '', variables: {} };
  if (written === 'variable') return { argument: '(first: $first)', declaration: '($first: Int)', variables: { first: size } };
  return { argument: '', declaration: '', variables: {} };
}

function sizes(max: number, defaultSize: number): Array<{ written: Written; size: number }> {
  return [1, defaultSize, max].flatMap((size) => [
    { written: 'literal' as const, size },
    { written: 'variable' as const, size },
    ...(size === defaultSize ? [{ written: 'default' as const, size }] : []),
  ]);
}

describe('Group.members(first:)', () => {
  it.each(sizes(MAX_MEMBERS_PAGE, DEFAULT_MEMBERS_PAGE))('$size members, as a $written, gets a full page', async ({ written, size }) => {
    const { argument, declaration, variables } = pageArgument(written, size);
    const document = `query Members${declaration} { group(groupId: "${CROWD}") { members${argument} { edges { cursor node { userId role joinedAt } } pageInfo { hasNextPage endCursor } } } }`;

    const data = expectData(await run(document, variables));

    expect(data.group.members.edges).toHaveLength(size);
    expect(data.group.members.pageInfo.hasNextPage).toBe(true);
  });
});

describe('Viewer.groups(first:)', () => {
  it.each(sizes(MAX_GROUPS_PAGE, DEFAULT_GROUPS_PAGE))('$size groups, as a $written, gets a full page', async ({ written, size }) => {
    const { argument, declaration, variables } = pageArgument(written, size);
    const document = `query Mine${declaration} { viewer { groups${argument} { edges { role joinedAt node { groupId name memberCount syncStatus owner { userId } } } pageInfo { hasNextPage endCursor } } } }`;

    const data = expectData(await run(document, variables));

    expect(data.viewer.groups.edges).toHaveLength(size);
  });
});

/** A conversation list: every group asked, with its first 10 members. */
const CONVERSATION_FIELDS = 'groupId name avatarUrl memberCount syncStatus owner { userId } members(first: 10) { edges { node { userId role } } }';

describe(`groups(groupIds:) with ${MAX_GROUPS_PER_READ} ids`, () => {
  const literalIds = JSON.stringify(CONVERSATIONS);

  it.each([
    { written: 'literal', document: `query List { groups(groupIds: ${literalIds}) { groupId name memberCount } }`, variables: {} },
    { written: 'variable', document: 'query List($ids: [String!]!) { groups(groupIds: $ids) { groupId name memberCount } }', variables: { ids: CONVERSATIONS } },
  ])('as a $written, answers every group', async ({ document, variables }) => {
    const data = expectData(await run(document, variables));
    expect(data.groups.map((group: { groupId: string }) => group.groupId)).toEqual(CONVERSATIONS);
  });

  it.each([
    { written: 'literal', document: `query List { groups(groupIds: ${literalIds}) { ${CONVERSATION_FIELDS} } }`, variables: {} },
    { written: 'variable', document: `query List($ids: [String!]!) { groups(groupIds: $ids) { ${CONVERSATION_FIELDS} } }`, variables: { ids: CONVERSATIONS } },
  ])('as a $written, nested as a conversation list (100 groups × 10 members), answers every group with its members', async ({ document, variables }) => {
    const data = expectData(await run(document, variables));
    expect(data.groups).toHaveLength(MAX_GROUPS_PER_READ);
    for (const group of data.groups) expect(group.members.edges).toHaveLength(10);
  });

  it(`the same list through viewer.groups(first: ${MAX_GROUPS_PAGE}) with 10 members each gets data`, async () => {
    const document = `query Mine($first: Int) { viewer { groups(first: $first) { edges { node { ${CONVERSATION_FIELDS} } } } } }`;
    const data = expectData(await run(document, { first: MAX_GROUPS_PAGE }));
    expect(data.viewer.groups.edges).toHaveLength(MAX_GROUPS_PAGE);
    expect(data.viewer.groups.edges.every((edge: { node: { members: { edges: unknown[] } } }) => edge.node.members.edges.length >= 10)).toBe(true);
  });
});

describe('past the documented sizes', () => {
  it.each([MAX_GROUPS_PER_READ + 1, 10_000])('groups(groupIds:) with %i ids answers BAD_USER_INPUT saying how many and what to do, reading nothing', async (count) => {
    const ids = Array.from({ length: count }, (_, i) => `conv${i}`);
    const answer = await run(`query List($ids: [String!]!) { groups(groupIds: $ids) { ${CONVERSATION_FIELDS} } }`, { ids });
    // groups is a non-null list: its error nulls the answer's data (see the README).
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: `Ask for at most ${MAX_GROUPS_PER_READ} groups at once, not ${count}: split the ids over several requests.`,
        path: ['groups'],
        extensions: { code: 'BAD_USER_INPUT' },
      }),
    ]);
  });

  it.each([
    { field: 'members', document: `query Members($first: Int) { group(groupId: "${CROWD}") { members(first: $first) { edges { cursor } } } }`, first: 1_000_000 },
    { field: 'viewer.groups', document: 'query Mine($first: Int) { viewer { groups(first: $first) { edges { cursor } } } }', first: 1_000_000 },
  ])('$field(first: 1000000) answers BAD_USER_INPUT from the page rule (not a cost refusal)', async ({ document, first }) => {
    const answer = await run(document, { first });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(/1 to \d+|at most \d+/);
  });
});

describe('nesting is bounded by the product of its page sizes, however they are written', () => {
  const nested = (groups: string, members: string) => `{ viewer { groups${groups} { edges { node { members${members} { edges { node { userId } } } } } } } }`;

  it.each([
    { written: 'literals', document: `query Big ${nested(`(first: ${MAX_GROUPS_PAGE})`, `(first: ${MAX_MEMBERS_PAGE})`)}`, variables: {} },
    { written: 'variables', document: `query Big($g: Int, $m: Int) ${nested('(first: $g)', '(first: $m)')}`, variables: { g: MAX_GROUPS_PAGE, m: MAX_MEMBERS_PAGE } },
    {
      written: 'a variable with a default',
      document: `query Big($g: Int = ${MAX_GROUPS_PAGE}, $m: Int = ${MAX_MEMBERS_PAGE}) ${nested('(first: $g)', '(first: $m)')}`,
      variables: {},
    },
  ])(`${MAX_GROUPS_PAGE} groups × ${MAX_MEMBERS_PAGE} members, as $written, is refused with the same cost`, async ({ document, variables }) => {
    const answer = await run(document, variables);
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
    const literalCost = (await run(`query Big ${nested(`(first: ${MAX_GROUPS_PAGE})`, `(first: ${MAX_MEMBERS_PAGE})`)}`)).errors?.[0]?.extensions?.cost;
    expect(answer.errors?.[0]?.extensions).toEqual({ code: LIMIT_CODES.cost, limit: QUERY_LIMITS.maxCost, cost: literalCost });
    expect(literalCost).toBeGreaterThan(MAX_GROUPS_PAGE * MAX_MEMBERS_PAGE);
  });

  it('the same document is counted again with each request\'s variables (a small request first does not let a big one through)', async () => {
    const document = `query Again($g: Int, $m: Int, $withMembers: Boolean!) { viewer { groups(first: $g) { edges { node { members(first: $m) @include(if: $withMembers) { edges { node { userId } } } } } } } }`;
    for (const variables of [{ g: 1, m: 1, withMembers: true }, { g: MAX_GROUPS_PAGE, m: MAX_MEMBERS_PAGE, withMembers: false }]) expectData(await run(document, variables));

    const big = await run(document, { g: MAX_GROUPS_PAGE, m: MAX_MEMBERS_PAGE, withMembers: true });

    expect(big.status).toBe(400);
    expect(big.errors?.[0]?.extensions?.code).toBe(LIMIT_CODES.cost);
  });

  it('the schema defaults nested (50 groups × 50 members) get data', async () => {
    expectData(await run(`query Defaults ${nested('', '')}`));
  });
});
