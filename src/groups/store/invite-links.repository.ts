import type { Kysely } from 'kysely';
import type { TimeCursor } from '../cursors.js';
import type { InviteLink } from '../entities.js';
import type { Executor } from './groups.repository.js';
import { toInviteLink } from './mapping.js';
import type { Database } from './tables.js';

export interface NewInviteLink {
  linkId: string;
  groupId: string;
  codeHash: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  maxUses: number | null;
}

/** Invite links. The code is never here, only its hash: the code hash is selected by no read. */
export class InviteLinksRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(executor: Executor, link: NewInviteLink): Promise<void> {
    await executor
      .insertInto('group_invite_links')
      .values({
        link_id: link.linkId,
        group_id: link.groupId,
        code_hash: link.codeHash,
        created_by: link.createdBy,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
        max_uses: link.maxUses,
        revoked_at: null,
      })
      .execute();
  }

  async delete(executor: Executor, linkId: string): Promise<void> {
    await executor.deleteFrom('group_invite_links').where('link_id', '=', linkId).execute();
  }

  /** The link whose code hashes to this, or undefined. */
  async findByCodeHash(executor: Executor, codeHash: string): Promise<InviteLink | undefined> {
    const row = await executor.selectFrom('group_invite_links').select(LINK_COLUMNS).where('code_hash', '=', codeHash).executeTakeFirst();
    return row && toInviteLink(row);
  }

  async findById(executor: Executor, linkId: string): Promise<InviteLink | undefined> {
    const row = await executor.selectFrom('group_invite_links').select(LINK_COLUMNS).where('link_id', '=', linkId).executeTakeFirst();
    return row && toInviteLink(row);
  }

  /** One more use (or one less, undoing it). Call with the group's row locked: uses are counted under it. */
  async adjustUses(executor: Executor, linkId: string, delta: number): Promise<void> {
    await executor
      .updateTable('group_invite_links')
      .set((eb) => ({ uses: eb('uses', '+', delta) }))
      .where('link_id', '=', linkId)
      .execute();
  }

  async setRevokedAt(executor: Executor, linkId: string, at: number | null): Promise<void> {
    await executor.updateTable('group_invite_links').set({ revoked_at: at }).where('link_id', '=', linkId).execute();
  }

  /** How many links of the group still admit someone: not revoked, not expired, not used up. */
  async countLive(executor: Executor, groupId: string, now: number): Promise<number> {
    const row = await executor
      .selectFrom('group_invite_links')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .where('group_id', '=', groupId)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** A keyset page of the group's links, newest first, revoked and spent ones included (with their state). */
  async pageForGroup(groupId: string, limit: number, after: TimeCursor | null): Promise<InviteLink[]> {
    let query = this.db.selectFrom('group_invite_links').select(LINK_COLUMNS).where('group_id', '=', groupId);
    if (after) query = query.where((eb) => eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('link_id', '<', after.id)])]));
    return (await query.orderBy('created_at', 'desc').orderBy('link_id', 'desc').limit(limit).execute()).map(toInviteLink);
  }
}

/** Every column but the code's hash, which nothing reads back. */
const LINK_COLUMNS = ['link_id', 'group_id', 'created_by', 'created_at', 'expires_at', 'max_uses', 'uses', 'revoked_at'] as const;
