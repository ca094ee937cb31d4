import type { Store } from '../../src/groups/store/database.js';
import { searchDocument } from '../../src/groups/search/terms.js';

/**
 * 100 000 PUBLIC groups written straight through the store's tables (no mutation, no IM call):
 * `groups` rows and their `group_search` rows, exactly as `reindex` writes them (the same
 * `searchDocument`), in batches inside one transaction. Names and descriptions come from a fixed
 * pseudo-random sequence, so every run (and both stores) holds the same text.
 */

/** Real words, each in about 1 group in 70 (name or description): what the fixed queries look for. */
export const TOPICS = [
  'jazz', 'chess', 'hiking', 'poetry', 'cinema', 'garden', 'vegan', 'running', 'photo', 'climbing',
  'cycling', 'knitting', 'baking', 'yoga', 'surfing', 'opera', 'anime', 'robotics', 'astronomy', 'tango',
  'lisbon', 'paris', 'berlin', 'tokyo', 'nairobi', 'lima', 'oslo', 'seoul', 'quebec', 'dakar',
  'book', 'club', 'circle', 'society', 'friends', 'collective', 'crew', 'league', 'guild', 'lovers',
];
const SYLLABLES = ['ka', 'lo', 'mi', 're', 'tu', 'va', 'ne', 'si', 'po', 'da', 'qu', 'ber', 'zan', 'fel', 'gor', 'hin'];

/** A small deterministic generator (mulberry32): the same text on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeededGroup {
  groupId: string;
  name: string;
  description: string;
}

/** The i-th group of the set. A few hundred are named after book clubs, the typo query's target. */
export function* seededGroups(count: number): Generator<SeededGroup> {
  const next = random(20261202);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const pseudo = () => Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join('');
  for (let i = 0; i < count; i++) {
    const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
    const topic = () => (next() < 0.3 ? pick(TOPICS) : pseudo());
    const name = i % 300 === 0 ? `Bookclub ${capital(pseudo())}` : `${capital(topic())} ${capital(pseudo())} ${pseudo()}`;
    const description = Array.from({ length: 7 }, (_, k) => (k === 3 ? topic() : pseudo())).join(' ');
    yield { groupId: `s${i.toString(36).padStart(5, '0')}`, name, description };
  }
}

/** Writes the groups and their search rows; answers the seconds it took. */
export async function seed(store: Store, count: number, batch = 500): Promise<number> {
  const started = performance.now();
  const rows = [...seededGroups(count)];
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch);
      await trx
        .insertInto('groups')
        .values(slice.map((group) => ({
          group_id: group.groupId,
          name: group.name,
          description: group.description,
          avatar_url: null,
          owner_id: 'owner',
          member_count: 1,
          sync_status: 'SYNCED' as const,
          sync_error: null,
          created_at: 1_700_000_000_000 + i,
          dismissed_at: null,
          visibility: 'PUBLIC' as const,
        })))
        .execute();
      await trx
        .insertInto('group_search')
        .values(slice.map((group) => {
          const document = searchDocument(group);
          return { group_id: group.groupId, name_text: document.nameText, search_text: document.text };
        }))
        .execute();
    }
  });
  return (performance.now() - started) / 1000;
}
