import { expect } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MutationName } from '../kit/mutations.js';
import type { Config } from '../../src/config.js';
import type { StoreTarget } from '../fixtures/stores.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { ADMIN, groupWithRoles, MEMBER, OWNER } from '../kit/factories.js';
import { emulatorLog, emulatorMessages } from '../kit/emulator.js';
import { JOINING_ROWS } from './joining-rows.js';

/**
 * Every mutation, as a table: who sends it, an input that changes a group built by
 * `groupWithRoles` (owner, admin, member), and another input for the same idempotency key.
 * A mutation missing here fails the table's completeness check.
 */
export interface MutationCase {
  name: MutationName;
  /** The test's name, when a mutation has several rows (one per kind of change it makes). */
  label?: string;
  as: string;
  /** An input that succeeds against the group. */
  input(groupId: string): Record<string, unknown>;
  /** Another request, to send with the first one's key. */
  other(groupId: string): Record<string, unknown>;
  /** Whether the IM Service hears of it: then a saturated budget refuses it (shedding); otherwise nothing waits on the budget. */
  reachesIm: boolean;
  /** What the group needs before the mutation can act on it (say, a picture to remove). */
  prepare?(kit: GatewayKit, groupId: string): Promise<void>;
}

export const EVERY_MUTATION: readonly MutationCase[] = [
  {
    name: 'createGroup',
    as: OWNER,
    input: (groupId) => ({ groupId: `${groupId}x`, name: 'Fresh', memberIds: [MEMBER] }),
    other: (groupId) => ({ groupId: `${groupId}x`, name: 'Fresh', memberIds: [ADMIN] }),
    reachesIm: true,
  },
  {
    name: 'addGroupMembers',
    as: OWNER,
    input: (groupId) => ({ groupId, userIds: ['newcomer'] }),
    other: (groupId) => ({ groupId, userIds: ['someone'] }),
    reachesIm: true,
  },
  {
    name: 'removeGroupMembers',
    as: OWNER,
    input: (groupId) => ({ groupId, userIds: [MEMBER] }),
    other: (groupId) => ({ groupId, userIds: [ADMIN] }),
    reachesIm: true,
  },
  { name: 'leaveGroup', as: MEMBER, input: (groupId) => ({ groupId }), other: (groupId) => ({ groupId, notify: false }), reachesIm: true },
  {
    name: 'updateGroup',
    as: OWNER,
    input: (groupId) => ({ groupId, name: 'Renamed' }),
    other: (groupId) => ({ groupId, name: 'Renamed again' }),
    reachesIm: true,
  },
  {
    name: 'updateGroup',
    label: 'updateGroup (announcement: a Bulletin notice, its only call)',
    as: ADMIN,
    input: (groupId) => ({ groupId, announcement: 'Read the rules' }),
    other: (groupId) => ({ groupId, announcement: 'Read the rules twice' }),
    reachesIm: true,
  },
  {
    name: 'updateGroup',
    label: 'updateGroup (description and attributes: kept here only)',
    as: ADMIN,
    input: (groupId) => ({ groupId, description: 'About books', attributes: [{ key: 'topic', value: 'books' }] }),
    other: (groupId) => ({ groupId, description: 'About books', attributes: [{ key: 'topic', value: 'films' }] }),
    reachesIm: false,
  },
  {
    name: 'setGroupMemberNickname',
    as: MEMBER,
    input: (groupId) => ({ groupId, nickname: 'Moe' }),
    other: (groupId) => ({ groupId, nickname: 'Moe S.' }),
    reachesIm: true,
  },
  {
    name: 'setGroupMemberNickname',
    label: "setGroupMemberNickname (an admin clears a member's)",
    as: ADMIN,
    input: (groupId) => ({ groupId, userId: MEMBER, nickname: null }),
    other: (groupId) => ({ groupId, userId: OWNER, nickname: null }),
    reachesIm: true,
    // Under the shedding table's budget of one call a second, the set-up's own call may have to wait its turn.
    prepare: async (kit, groupId) => {
      for (;;) {
        const answer = await kit.setGroupMemberNickname({ groupId, nickname: 'Moe' }, { as: MEMBER });
        if (answer.__typename !== 'RateLimitedError') return void expect(answer.__typename).toBe('SetGroupMemberNicknameSuccess');
        await new Promise((resolve) => setTimeout(resolve, answer.retryAfterMs));
      }
    },
  },
  {
    name: 'transferGroupOwnership',
    as: OWNER,
    input: (groupId) => ({ groupId, userId: ADMIN }),
    other: (groupId) => ({ groupId, userId: MEMBER }),
    reachesIm: true,
  },
  {
    name: 'setGroupMemberRole',
    as: OWNER,
    input: (groupId) => ({ groupId, userId: MEMBER, role: 'ADMIN' }),
    other: (groupId) => ({ groupId, userId: MEMBER, role: 'MEMBER' }),
    reachesIm: false,
  },
  { name: 'dismissGroup', as: OWNER, input: (groupId) => ({ groupId }), other: (groupId) => ({ groupId, notify: false }), reachesIm: true },
  {
    name: 'muteGroupMembers',
    as: ADMIN,
    input: (groupId) => ({ groupId, userIds: [MEMBER], minutes: 10 }),
    other: (groupId) => ({ groupId, userIds: [MEMBER], minutes: 20 }),
    reachesIm: true,
  },
  {
    name: 'unmuteGroupMembers',
    as: OWNER,
    input: (groupId) => ({ groupId, userIds: [MEMBER] }),
    other: (groupId) => ({ groupId, userIds: [ADMIN] }),
    reachesIm: true,
    prepare: async (kit, groupId) => {
      // The shedding table runs on a budget of one call a second: wait for a slot rather than be shed.
      for (let attempt = 0; attempt < 20; attempt++) {
        const answer = await kit.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 60 }, { as: OWNER });
        if (answer.__typename === 'MuteGroupMembersSuccess') return;
        if (answer.__typename !== 'RateLimitedError') throw new Error(`muteGroupMembers answered ${JSON.stringify(answer)}`);
        await sleep(answer.retryAfterMs);
      }
      throw new Error('muteGroupMembers was shed 20 times');
    },
  },
  {
    name: 'setGroupMuted',
    as: ADMIN,
    input: (groupId) => ({ groupId, muted: true }),
    other: (groupId) => ({ groupId, muted: false }),
    reachesIm: true,
  },
  ...JOINING_ROWS,
];

/**
 * Everything a change can leave behind, at the store (the group's and a created group's rows,
 * members, outbox rows, idempotency keys) and at the IM Service (every call it was asked, every
 * message it published): equal snapshots mean nothing happened in between.
 */
export async function effects(kit: GatewayKit, groupId: string) {
  const db = kit.app.store.db;
  const groupIds = [groupId, `${groupId}x`];
  const [groups, members, outbox, keys, calls, messages, requests, invitations, links] = await Promise.all([
    db.selectFrom('groups').selectAll().where('group_id', 'in', groupIds).orderBy('group_id').execute(),
    db.selectFrom('group_members').selectAll().where('group_id', 'in', groupIds).orderBy('group_id').orderBy('user_id').execute(),
    db.selectFrom('outbox').select(['id', 'kind', 'status']).where('group_id', 'in', groupIds).orderBy('id').execute(),
    db.selectFrom('idempotency_keys').select(['caller_id', 'key', 'operation']).orderBy('key').execute(),
    emulatorLog(kit.emulator),
    emulatorMessages(kit.emulator),
    db.selectFrom('join_requests').selectAll().where('group_id', 'in', groupIds).orderBy('user_id').execute(),
    db.selectFrom('group_invitations').selectAll().where('group_id', 'in', groupIds).orderBy('user_id').execute(),
    db.selectFrom('group_invite_links').selectAll().where('group_id', 'in', groupIds).orderBy('link_id').execute(),
  ]);
  const joining = { requests, invitations, links };
  return { groups, members, outbox, keys, imCalls: calls.map((call) => `${call.path} ${call.status}`), messages: messages.length, joining };
}

/**
 * A gateway on a fresh database of `target`, a group built by `groupWithRoles` and prepared for
 * `row`, handed to `body`; closed and dropped after, whatever `body` did.
 */
export async function withRowGroup(
  target: StoreTarget,
  row: MutationCase,
  config: Partial<Config>,
  body: (kit: GatewayKit, groupId: string) => Promise<void>,
): Promise<void> {
  const database = await target.fresh();
  const kit = await startKit({ config: { ...config, databaseUrl: database.url } });
  try {
    const groupId = await groupWithRoles(kit, { notify: false });
    await row.prepare?.(kit, groupId);
    await body(kit, groupId);
  } finally {
    await kit.close();
    await database.drop();
  }
}
