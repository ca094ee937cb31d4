import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../fixtures/gateway.js';
import { storeTargets, type FreshDatabase } from '../fixtures/stores.js';
import { kitFor, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * `searchGroups` (README "Discovery"): the same fixed queries on a SQLite gateway and a PostgreSQL
 * gateway, holding the same groups, answer the same groups in the same order, and that order is
 * the one written here: prefixes, words inside words, several words, a typo, case and accents,
 * and input that is FTS5 or LIKE syntax elsewhere (read as text, never as syntax). PRIVATE and
 * dismissed groups are never found, and the index follows renames, visibility and dismissal.
 */

const OWNER = 'searcher';

/** The groups every store holds: id, name, and whether it is made PUBLIC. */
const GROUPS = [
  { groupId: 'bookclub', name: 'Bookclub', visibility: 'PUBLIC' },
  { groupId: 'paris', name: 'Book lovers of Paris', visibility: 'PUBLIC' },
  { groupId: 'facebook', name: 'The Facebook group', visibility: 'PUBLIC' },
  { groupId: 'cafe', name: 'Café Noir', visibility: 'PUBLIC' },
  { groupId: 'society', name: 'cafe society', visibility: 'PUBLIC' },
  { groupId: 'vegan', name: '100% vegan_food', visibility: 'PUBLIC' },
  { groupId: 'bokeh', name: 'Photography (Bokeh)', visibility: 'PUBLIC' },
  { groupId: 'book', name: 'Book', visibility: 'PUBLIC' },
  { groupId: 'sea', name: 'NEAR the sea - "quoted" *stars*', visibility: 'PUBLIC' },
  { groupId: 'buecher', name: 'Pariser Bücherfreunde', visibility: 'PUBLIC' },
  { groupId: 'secret', name: 'Bookish secrets', visibility: 'PRIVATE' },
  { groupId: 'gone', name: 'Bookworms', visibility: 'PUBLIC' },
] as const;

/** A fixed query and the names it finds, best first; a string: refused with BAD_USER_INPUT. */
const QUERIES: Array<[query: string, expected: string[] | 'refused']> = [
  // Prefix of a word, then inside a word ("faceBOOK"); ties by shorter name, then group id.
  ['book', ['Book', 'Bookclub', 'Book lovers of Paris', 'The Facebook group']],
  ['BOOK', ['Book', 'Bookclub', 'Book lovers of Paris', 'The Facebook group']],
  ['book paris', ['Book lovers of Paris']],
  ['paris', ['Book lovers of Paris', 'Pariser Bücherfreunde']],
  ['bokclub', ['Bookclub']],
  ['photograpy', ['Photography (Bokeh)']],
  ['cafe', ['Café Noir', 'cafe society']],
  ['CAFÉ', ['Café Noir', 'cafe society']],
  ['cafe\u0301 noir', ['Café Noir']],
  ['bücher', ['Pariser Bücherfreunde']],
  ['BUCHER', ['Pariser Bücherfreunde']],
  ['xylophone', []],
  // Syntax of FTS5, LIKE or SQL elsewhere is text here.
  ['"book"', ['Book', 'Bookclub', 'Book lovers of Paris', 'The Facebook group']],
  ['book*', ['Book', 'Bookclub', 'Book lovers of Paris', 'The Facebook group']],
  ['-book', ['Book', 'Bookclub', 'Book lovers of Paris', 'The Facebook group']],
  ['(book)', ['Book', 'Bookclub', 'Book lovers of Paris', 'The Facebook group']],
  ['NEAR(book paris)', []],
  ['near', ['NEAR the sea - "quoted" *stars*']],
  ['"quoted" *stars*', ['NEAR the sea - "quoted" *stars*']],
  ['book OR xylophone', []],
  ['100%', ['100% vegan_food']],
  ['vegan_food', ['100% vegan_food']],
  ["book'; drop table groups; --", []],
  // Never PRIVATE, never dismissed.
  ['bookish', []],
  ['bookworms', []],
  // Nothing to look up, or too much.
  ['', 'refused'],
  ['   ', 'refused'],
  ['%', 'refused'],
  ['_', 'refused'],
  ['"', 'refused'],
  ['a b', 'refused'],
  ['one two three four five six seven eight nine', 'refused'],
  ['b'.repeat(101), 'refused'],
];

interface Store {
  dialect: string;
  kit: GatewayKit;
  database: FreshDatabase;
}

const targets = storeTargets().filter((target) => !target.skip);
const stores: Store[] = [];

beforeAll(async () => {
  for (const target of targets) {
    const database = await target.fresh();
    const kit = kitFor(await startGateway({ config: { databaseUrl: database.url } }));
    stores.push({ dialect: target.dialect, kit, database });
    for (const { groupId, name, visibility } of GROUPS) {
      await kit.must.createGroup({ groupId, name, notify: false }, { as: OWNER });
      if (visibility === 'PUBLIC') await kit.must.updateGroup({ groupId, visibility }, { as: OWNER });
    }
    await kit.must.dismissGroup({ groupId: 'gone', notify: false }, { as: OWNER });
  }
});
afterAll(async () => {
  for (const { kit, database } of stores) {
    await kit.close();
    await database.drop();
  }
});

/** What one store answers: the names found, or the refusal's code. `as` null: an anonymous request. */
async function search(kit: GatewayKit, query: string, as: string | null = 'reader', page: { first?: number; after?: string | null } = {}) {
  const response = await kit.searchGroups({ query, ...page }, as === null ? {} : { as });
  if (response.errors) return { refused: response.errors.map((error) => error.extensions?.code), data: response.data };
  return { names: response.data!.searchGroups.edges.map((edge) => edge.node.name), page: response.data!.searchGroups };
}

/** The same query on every store: answers keyed by dialect. */
async function everywhere(query: string, as?: string | null) {
  return Object.fromEntries(await Promise.all(stores.map(async ({ dialect, kit }) => [dialect, await search(kit, query, as)] as const)));
}

describe('searchGroups, the same on every store', () => {
  it.for(QUERIES.map(([query, expected]) => [JSON.stringify(query).slice(0, 40), query, expected] as const))('%s', async ([, query, expected]) => {
    const answers = await everywhere(query);
    const wanted = expected === 'refused' ? { refused: ['BAD_USER_INPUT'], data: null } : { names: expected };
    for (const [dialect, answer] of Object.entries(answers)) {
      expect(expected === 'refused' ? answer : { names: answer.names }, dialect).toEqual(wanted);
    }
  });

  it('takes a query of 100 characters, the most, and refuses an anonymous caller', async () => {
    for (const { kit } of stores) {
      expect(await search(kit, `book ${'x'.repeat(95)}`)).toMatchObject({ names: [] });
      expect(await search(kit, 'book', null)).toMatchObject({ refused: ['UNAUTHENTICATED'] });
    }
  });

  it('pages with cursors bound to the query: two pages make the whole list, another query or a made-up cursor is refused', async () => {
    for (const { kit } of stores) {
      const whole = await search(kit, 'book');
      const first = await search(kit, 'book', 'reader', { first: 3 });
      expect(first.page!.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = await search(kit, 'book', 'reader', { first: 3, after: first.page!.pageInfo.endCursor });
      expect(second.page!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect([...first.names!, ...second.names!]).toEqual(whole.names);

      expect(await search(kit, 'cafe', 'reader', { after: first.page!.pageInfo.endCursor })).toMatchObject({ refused: ['BAD_USER_INPUT'] });
      expect(await search(kit, 'book', 'reader', { after: 'bm90IGEgY3Vyc29y' })).toMatchObject({ refused: ['BAD_USER_INPUT'] });
      for (const size of [0, 51]) expect(await search(kit, 'book', 'reader', { first: size })).toMatchObject({ refused: ['BAD_USER_INPUT'] });
    }
  });
});

describe('the search index follows every change, in its transaction', () => {
  it('finds a group once PUBLIC, by its new name after a rename, and no longer once PRIVATE or dismissed', async () => {
    for (const { dialect, kit } of stores) {
      const groupId = 'zephyr';
      const found = async (query: string) => (await search(kit, query)).names;
      await kit.must.createGroup({ groupId, name: 'Zephyrine quartet', notify: false }, { as: OWNER });
      expect(await found('zephyrine'), dialect).toEqual([]);

      await kit.must.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: OWNER });
      expect(await found('zephyrine'), dialect).toEqual(['Zephyrine quartet']);

      await kit.must.updateGroup({ groupId, name: 'Aurora quartet', notify: false }, { as: OWNER });
      expect({ old: await found('zephyrine'), renamed: await found('aurora') }, dialect).toEqual({ old: [], renamed: ['Aurora quartet'] });

      await kit.must.updateGroup({ groupId, avatarUrl: 'https://example.com/a.png' }, { as: OWNER });
      expect(await found('aurora'), dialect).toEqual(['Aurora quartet']);

      await kit.must.updateGroup({ groupId, visibility: 'PRIVATE' }, { as: OWNER });
      expect(await found('aurora'), dialect).toEqual([]);

      await kit.must.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: OWNER });
      await kit.must.dismissGroup({ groupId, notify: false }, { as: OWNER });
      expect(await found('aurora'), dialect).toEqual([]);
    }
  });
});
