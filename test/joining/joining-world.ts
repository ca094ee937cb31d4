import type { Config } from '../../src/config.js';
import type { StoreTarget } from '../fixtures/stores.js';
import { ADMIN, groupWithRoles, OWNER } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/** A gateway on a fresh database of `target`, handed to `body`, closed and dropped after. */
export async function withJoiningKit(target: StoreTarget, config: Partial<Config>, body: (kit: GatewayKit) => Promise<void>): Promise<void> {
  const database = await target.fresh();
  const kit = await startKit({ config: { ...config, databaseUrl: database.url } });
  try {
    await body(kit);
  } finally {
    await kit.close();
    await database.drop();
  }
}

/** A group of owner, admin and member (3 members) with the given join policy. */
export async function joiningGroup(kit: GatewayKit, joinPolicy: 'INVITE_ONLY' | 'REQUEST' | 'OPEN' = 'INVITE_ONLY', membersCanInvite = false): Promise<string> {
  const groupId = await groupWithRoles(kit, { notify: false });
  if (joinPolicy !== 'INVITE_ONLY' || membersCanInvite) await kit.must.updateGroup({ groupId, joinPolicy, membersCanInvite, notify: false } as never, { as: OWNER });
  return groupId;
}

/** A live link of the group made by `by` (an admin by default); answers its code and id. */
export async function inviteLink(kit: GatewayKit, groupId: string, input: { maxUses?: number; expiresAt?: string } = {}, by = ADMIN) {
  const { link } = await kit.must.createGroupInviteLink({ groupId, ...input }, { as: by });
  return { code: link.code!, linkId: link.linkId };
}

/** How many answered each `__typename`. */
export function tally(answers: ReadonlyArray<{ __typename: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { __typename } of answers) counts[__typename] = (counts[__typename] ?? 0) + 1;
  return counts;
}

/** The group's members in the store, and its stored count. */
export async function storedMembers(kit: GatewayKit, groupId: string): Promise<{ count: number; rows: string[] }> {
  const db = kit.app.store.db;
  const group = await db.selectFrom('groups').select('member_count').where('group_id', '=', groupId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('group_members').select('user_id').where('group_id', '=', groupId).orderBy('user_id').execute();
  return { count: Number(group.member_count), rows: rows.map((row) => row.user_id) };
}

export const users = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
