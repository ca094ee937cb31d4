import { DEFAULT_SEARCH_PAGE, MAX_SEARCH_PAGE } from '../../../groups/rules.js';
import { MAX_QUERY_LENGTH, MAX_QUERY_WORDS, MIN_INDEXED_WORD, MIN_TYPO_WORD } from '../../../groups/search/terms.js';
import { builder } from '../../builder.js';
import { Group } from './group.type.js';

const GroupSearchConnection = builder.connectionObject(
  {
    type: Group,
    name: 'GroupSearchConnection',
    description: 'A page of PUBLIC groups matching a search, best first. No total: counting every match would cost what the page does not.',
  },
  { name: 'GroupSearchEdge', description: 'A group found, and its cursor.' },
);

const SearchGroupsInput = builder.inputType('SearchGroupsInput', {
  description: 'What to search for, and which page.',
  fields: (t) => ({
    query: t.string({
      required: true,
      description:
        `Words to find in PUBLIC groups' names (and descriptions), case and accents ignored, punctuation a space; every word must match. ` +
        `At most ${MAX_QUERY_LENGTH} characters and ${MAX_QUERY_WORDS} words, with at least one word of ${MIN_INDEXED_WORD} letters or digits.`,
    }),
    first: t.int({ required: false, defaultValue: DEFAULT_SEARCH_PAGE, description: `How many groups, 1 to ${MAX_SEARCH_PAGE}.` }),
    after: t.string({ required: false, description: 'The `endCursor` of the previous page of the same query.' }),
  }),
});

builder.queryField('searchGroups', (t) =>
  t.field({
    type: GroupSearchConnection,
    // The most a page holds, for the cost limit (query-cost.ts reads `first` inside `input`); a larger `first` is refused by the reader.
    extensions: { maxItems: MAX_SEARCH_PAGE },
    description:
      'Finds PUBLIC groups (never PRIVATE or dismissed ones) by name and description, for any signed-in user. A word matches the start of a ' +
      `word ("book" finds "Bookclub"), anywhere inside one, or, from ${MIN_TYPO_WORD} characters, with a typo ("bokclub"). Ranked by ` +
      'relevance (a word starting a word of the name, then inside the name, then elsewhere, then with a typo), then shorter names, then ' +
      'group id: the same results on every store. A bad query or cursor is a BAD_USER_INPUT error saying what to change.',
    args: { input: t.arg({ type: SearchGroupsInput, required: true, description: 'What to search for, and which page.' }) },
    resolve: (_root, { input }, context) =>
      context.reader.searchGroups({ query: input.query, first: input.first ?? DEFAULT_SEARCH_PAGE, after: input.after }),
  }),
);
