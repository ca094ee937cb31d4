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
