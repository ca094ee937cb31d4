import { describe, expect, it } from 'vitest';
import type { ChangeInput } from '../../src/groups/changes/change.js';
import { claimFor } from '../../src/groups/changes/idempotency.js';
import { noticesSettled } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { groupWithRoles, OWNER } from '../kit/factories.js';
import { startKit } from '../kit/gateway-kit.js';
import { MUTATIONS } from '../kit/mutations.js';
import { EVERY_MUTATION, effects, withRowGroup } from './every-mutation.js';

/**
 * Every mutation takes an idempotency key, with one meaning: the same key and input answer the
 * first result and act once (at the store and at the IM Service); the same key with another
 * input is `IdempotencyKeyReusedError`, and acts not at all.
 */
describeEachStore('every mutation, repeated with its idempotency key', (target) => {
  it('covers every mutation the kit knows', () => {
    expect([...new Set(EVERY_MUTATION.map((row) => row.name))].sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  it.for(EVERY_MUTATION.map((row) => [row.label ?? row.name, row] as const))('%s: acts once, answers the first result again, refuses the key for another input', async ([, row]) => {
    await withRowGroup(target, row, {}, async (kit, groupId) => {
    const before = await effects(kit, groupId);
    const key = `key-${row.name}`;
    const send = async (input: Record<string, unknown>) => {
      const response = await kit.response[row.name]({ ...input, idempotencyKey: key } as never, { as: row.as });
      return { data: response.data, answer: (response.data as Record<string, unknown> | null | undefined)?.[row.name] };
    };

    const first = await send(row.input(groupId));
    await noticesSettled(kit);
    const afterFirst = await effects(kit, groupId);
    expect(first.answer).toMatchObject({ __typename: MUTATIONS[row.name].success });
    // The change itself, not only its recorded key, is there to be repeated.
    expect({ ...afterFirst, keys: [] }).not.toEqual({ ...before, keys: [] });

    const repeat = await send(row.input(groupId));
    await noticesSettled(kit);
    // The same answer, but for the sync status: the first may have answered PENDING on a slow machine, the repeat reads it now.
    expect(withoutSyncStatus(repeat.data)).toEqual(withoutSyncStatus(first.data));
    expect(await effects(kit, groupId)).toEqual(afterFirst);

    const reused = await send(row.other(groupId));
    await noticesSettled(kit);
    expect(reused.answer).toMatchObject({ __typename: 'IdempotencyKeyReusedError', idempotencyKey: key });
    expect(await effects(kit, groupId)).toEqual(afterFirst);
    });
  });
});

describeEachStore('every mutation, sent twice at once with one idempotency key', (target) => {
  it.for(EVERY_MUTATION.map((row) => [row.label ?? row.name, row] as const))('%s: both answer the first result, and the key is recorded once', async ([, row]) => {
    await withRowGroup(target, row, {}, async (kit, groupId) => {
    const input = { ...row.input(groupId), idempotencyKey: `race-${row.name}` } as never;
    // Acting twice shows: a second transfer, leave or dismissal is refused, a second add adds no one.
    const [a, b] = await Promise.all([kit[row.name](input, { as: row.as }), kit[row.name](input, { as: row.as })]);
    expect(a).toMatchObject({ __typename: MUTATIONS[row.name].success });
    // The repeat answers the group as it is when it reads it: the first may still be on its way (PENDING).
    expect(withoutSyncStatus(b)).toEqual(withoutSyncStatus(a));
    const keys = await kit.app.store.db.selectFrom('idempotency_keys').select('key').where('key', '=', `race-${row.name}`).execute();
    expect(keys).toHaveLength(1);
    });
  });
});

/**
 * The answer with every `syncStatus` left out, and an invite link's `code`: shown once, in the
 * answer that made the link, it is null in a repeat (test/joining/invite-links.test.ts says so).
 */
function withoutSyncStatus(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSyncStatus);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'syncStatus' && key !== 'code').map(([key, item]) => [key, withoutSyncStatus(item)]));
  }
  return value;
}

describe('a key recorded by the previous release', () => {
  it('still answers its first result: addGroupMembers recorded only who was added', async () => {
    const kit = await startKit();
    try {
      const groupId = await groupWithRoles(kit, { notify: false });
      await kit.must.addGroupMembers({ groupId, userIds: ['early'], notify: false }, { as: OWNER });
      // What the release before this one wrote for `addGroupMembers(groupId, userIds: ["early"], idempotencyKey: "old")`.
      const claim = claimFor(OWNER, 'addGroupMembers', { groupId, userIds: ['early'], notify: true, idempotencyKey: 'old' } as ChangeInput)!;
      await kit.app.store.db
        .insertInto('idempotency_keys')
        .values({ caller_id: OWNER, key: 'old', operation: claim.operation, request_hash: claim.requestHash, outcome: '{"added":["early"]}', created_at: Date.now() })
        .execute();

      const repeated = await kit.addGroupMembers({ groupId, userIds: ['early'], idempotencyKey: 'old' }, { as: OWNER });
      expect(repeated).toMatchObject({ __typename: 'AddGroupMembersSuccess', addedUserIds: ['early'], group: { groupId } });
    } finally {
      await kit.close();
    }
  });
});
