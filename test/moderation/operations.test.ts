import { describe, expect, it } from 'vitest';
import { minutesLeft, moderationCompensation, moderationSteps } from '../../src/groups/outbox/moderation-operations.js';

/**
 * The outbox's moderation operations as data (no IM call): how many calls each takes, what undoes
 * the calls already made when a later one is refused, and the minutes a late call asks for.
 * Over HTTP, test/moderation/*.test.ts; here, the cases a real IM Service refusal would need.
 */
const users = (count: number, prefix = 'u') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('moderation operations', () => {
  it('take 20 users a call: 100 gags are 5 calls; a ban is its whitelist batches then the ban', () => {
    expect(moderationSteps({ kind: 'gagMembers', groupId: 'g', userIds: users(100), until: 0 })).toHaveLength(5);
    expect(moderationSteps({ kind: 'ungagMembers', groupId: 'g', userIds: users(21) })).toHaveLength(2);
    expect(moderationSteps({ kind: 'banGroup', groupId: 'g', whitelist: users(41) })).toHaveLength(4);
    expect(moderationSteps({ kind: 'unbanGroup', groupId: 'g', whitelist: [] })).toHaveLength(1);
    expect(moderationSteps({ kind: 'whitelistMembers', groupId: 'g', add: users(1), remove: users(20, 'r') })).toHaveLength(2);
  });

  it('undo what reached the IM Service before a refusal: the gags made, the whitelist entries added or removed', () => {
    expect(moderationCompensation({ kind: 'gagMembers', groupId: 'g', userIds: users(100), until: 0 }, 0)).toBeNull();
    expect(moderationCompensation({ kind: 'gagMembers', groupId: 'g', userIds: users(100), until: 0 }, 2)).toEqual({ kind: 'ungagMembers', groupId: 'g', userIds: users(40) });
    expect(moderationCompensation({ kind: 'banGroup', groupId: 'g', whitelist: users(41) }, 3)).toEqual({ kind: 'whitelistMembers', groupId: 'g', add: [], remove: users(41) });
    expect(moderationCompensation({ kind: 'unbanGroup', groupId: 'g', whitelist: users(30) }, 2)).toEqual({ kind: 'banGroup', groupId: 'g', whitelist: users(20) });
    expect(moderationCompensation({ kind: 'whitelistMembers', groupId: 'g', add: ['a'], remove: users(25, 'r') }, 2)).toEqual({
      kind: 'whitelistMembers',
      groupId: 'g',
      add: users(25, 'r'),
      remove: [],
    });
    expect(moderationCompensation({ kind: 'whitelistMembers', groupId: 'g', add: ['a'], remove: users(25, 'r') }, 3)).toEqual({
      kind: 'whitelistMembers',
      groupId: 'g',
      add: users(25, 'r'),
      remove: ['a'],
    });
  });

  it('ask for the minutes left, rounded up and capped at 43 200; 0 once the mute has ended', () => {
    const now = 1_000_000;
    expect(minutesLeft(now + 90 * 60_000, now)).toBe(90);
    expect(minutesLeft(now + 90 * 60_000 - 1, now)).toBe(90);
    expect(minutesLeft(now + 1, now)).toBe(1);
    expect(minutesLeft(now, now)).toBe(0);
    expect(minutesLeft(now - 5, now)).toBe(0);
    expect(minutesLeft(now + 50_000 * 60_000, now)).toBe(43_200);
  });
});
