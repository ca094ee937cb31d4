import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupEvent } from '../../src/groups/events/event.js';
import { eventually } from '../fixtures/gateway.js';
import { postgresStoreTarget, type FreshDatabase } from '../fixtures/stores.js';
import { nextGroupId, OWNER } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * On PostgreSQL transactions commit in any order: cursors must still follow commit order, or a
 * reader that resumes `after` the last cursor it saw would skip an event that committed late.
 * Two instances on one database make changes of several groups at once (some released at
 * commit, some by the outbox) while a reader follows the log by cursor: it must see every event.
 */
const target = postgresStoreTarget();
const GROUPS = 8;
const CHANGES = 240;
const WORKERS = 24;

describe.skipIf(target.skip)('event cursors under concurrent changes (postgres)', () => {
  let database: FreshDatabase;
  let instances: GatewayKit[];

  beforeAll(async () => {
    database = await target.fresh({ pool: 20 });
    const first = await startKit({ config: { databaseUrl: database.url, rateLimits: { group: 10_000, publish: 10_000 } } });
    const second = await startKit({ emulator: first.emulator, config: { databaseUrl: database.url, rateLimits: { group: 10_000, publish: 10_000 } } });
    instances = [first, second];
  });
  afterAll(async () => {
    for (const instance of instances ?? []) await instance.close();
    await database?.drop();
  });

  it('are unique, strictly increasing in commit order, and a reader following them by cursor misses none', async () => {
    const [first] = instances as [GatewayKit, GatewayKit];
    const groupIds: string[] = [];
    for (let i = 0; i < GROUPS; i++) {
      const groupId = nextGroupId('order');
      await first.must.createGroup({ groupId, name: `Order ${i}`, memberIds: [], notify: false }, { as: OWNER });
      groupIds.push(groupId);
    }

    // The reader: follows the log from the start, a small page at a time, while the changes run.
    const followed: GroupEvent[] = [];
    let writing = true;
    const follow = (async () => {
      let cursor: string | null = null;
      for (;;) {
        const done = !writing;
        const page = await first.app.events.readAfter(cursor, 3);
        followed.push(...page);
        cursor = page.at(-1)?.cursor ?? cursor;
        if (page.length === 0 && done) return;
      }
    })();

    let next = 0;
    let succeeded = 0;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        while (next < CHANGES) {
          const index = next++;
          const kit = instances[worker % 2]!;
          const groupId = groupIds[index % GROUPS]!;
          // A third send nothing (released at commit), the rest go through the outbox (released by its completion).
          const input = index % 3 === 0 ? { groupId, avatarUrl: `https://example.com/${index}.png` } : { groupId, name: `Name ${index}`, notify: false };
          const answer = await kit.updateGroup(input, { as: OWNER });
          if (answer.__typename === 'UpdateGroupSuccess') succeeded++;
        }
      }),
    );
    // Changes that found their group busy stand PENDING: the outbox delivers them, releasing their events.
    await eventually(async () => {
      const groups = (await first.syncStatuses({ groupIds }, { as: OWNER })).data?.groups ?? [];
      return groups.every((group) => group?.syncStatus === 'SYNCED');
    }, 30_000);
    writing = false;
    await follow;

    const all: GroupEvent[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = await first.app.events.readAfter(cursor, 50);
      if (page.length === 0) break;
      all.push(...page);
      cursor = page.at(-1)!.cursor;
    }
    expect(succeeded).toBeGreaterThan(CHANGES * 0.9);
    expect(all).toHaveLength(GROUPS + succeeded);
    const sequences = all.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    // The follower saw exactly the log: nothing skipped, nothing twice.
    expect(followed.map((event) => event.cursor)).toEqual(all.map((event) => event.cursor));
    // From any cursor, exactly the rest.
    for (const at of [0, 1, Math.floor(all.length / 3), all.length - 2, all.length - 1]) {
      const rest = await instances[1]!.app.events.readAfter(all[at]!.cursor, 1000);
      expect(rest.map((event) => event.cursor)).toEqual(all.slice(at + 1).map((event) => event.cursor));
    }
    // Per group too: increasing, and as the group's own history reads them.
    for (const groupId of groupIds) {
      const ofGroup = all.filter((event) => event.groupId === groupId).map((event) => event.cursor);
      expect((await first.app.events.readGroupAfter(groupId, null, 1000)).map((event) => event.cursor)).toEqual(ofGroup);
    }
  });
});
