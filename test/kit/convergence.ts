/**
 * Does the store agree with the IM Service, and was every notice published at most once? Read
 * from outside the gateway (its database by URL, on either store, and the emulator's
 * introspection routes), for the resilience tests and `npm run bench:soak`. Nothing here
 * imports vitest.
 */
import type { Kysely } from 'kysely';
import { openStore } from '../../src/groups/store/database.js';
import type { Database } from '../../src/groups/store/tables.js';
import { emulatorGroups, emulatorMessages, emulatorRemarks } from './emulator.js';

export interface GroupState {
  groupId: string;
  name: string;
  members: string[];
}

export interface StoreState {
  /** Active groups, members sorted, by group id. */
  groups: GroupState[];
  notSynced: string[];
  pendingRows: number;
  /** Notice rows given up unconfirmed (at most once: possibly lost). */
  unconfirmedNotices: number;
}

export interface Convergence {
  /** Store groups the IM Service lacks, or has with other members or another name. */
  mismatched: string[];
  /** Groups at the IM Service the store does not have. */
  extraAtIm: string[];
}

export interface NoticeFigures {
  published: number;
  /** Publishes of the same notice (same group, same content) beyond the first. */
  duplicates: number;
  distinct: number;
}

/** Reads a gateway's store by its DATABASE_URL (a SQLite file or a PostgreSQL URL with ?schema=). */
export async function readStoreAt(databaseUrl: string): Promise<StoreState> {
  const store = await openStore(databaseUrl);
  try {
    return await readStore(store.db);
  } finally {
    await store.close();
  }
}

export async function readStore(db: Kysely<Database>): Promise<StoreState> {
  const groups = await db.selectFrom('groups').select(['group_id', 'name', 'sync_status']).where('dismissed_at', 'is', null).execute();
  const members = await db.selectFrom('group_members').select(['group_id', 'user_id']).execute();
  const outbox = await db.selectFrom('outbox').select(['status', 'kind', 'last_error']).where('status', '!=', 'DONE').execute();
  const byGroup = new Map<string, string[]>();
  for (const member of members) byGroup.set(member.group_id, [...(byGroup.get(member.group_id) ?? []), member.user_id]);
  return {
    groups: groups
      .map((group) => ({ groupId: group.group_id, name: group.name, members: (byGroup.get(group.group_id) ?? []).sort() }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId)),
    notSynced: groups.filter((group) => group.sync_status !== 'SYNCED').map((group) => group.group_id),
    pendingRows: outbox.filter((row) => row.status === 'PENDING').length,
    unconfirmedNotices: outbox.filter((row) => row.status === 'FAILED' && row.kind === 'publishNotification' && row.last_error?.includes('at most once')).length,
  };
}

export async function imGroups(emulatorUrl: string): Promise<GroupState[]> {
  const groups = await emulatorGroups(emulatorUrl);
  return groups.map((group) => ({ ...group, members: [...group.members].sort() })).sort((a, b) => a.groupId.localeCompare(b.groupId));
}

/** `group/user` → nickname, for every member of an active group who set one. */
export async function storeNicknames(db: Kysely<Database>): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.group_id', 'm.group_id')
    .select(['m.group_id', 'm.user_id', 'm.nickname'])
    .where('g.dismissed_at', 'is', null)
    .where('m.nickname', 'is not', null)
    .execute();
  return Object.fromEntries(rows.map((row) => [`${row.group_id}/${row.user_id}`, row.nickname!]));
}

/** `group/user` → push alias, for every alias the IM Service holds. */
export async function imRemarks(emulatorUrl: string): Promise<Record<string, string>> {
  return Object.fromEntries((await emulatorRemarks(emulatorUrl)).map((alias) => [`${alias.groupId}/${alias.userId}`, alias.remark]));
}

export function compare(store: readonly GroupState[], im: readonly GroupState[]): Convergence {
  const atIm = new Map(im.map((group) => [group.groupId, group]));
  const inStore = new Set(store.map((group) => group.groupId));
  return {
    mismatched: store.filter((group) => JSON.stringify(atIm.get(group.groupId)) !== JSON.stringify(group)).map((group) => group.groupId),
    extraAtIm: im.filter((group) => !inStore.has(group.groupId)).map((group) => group.groupId),
  };
}

/**
 * Counts the notices the IM Service published. Two changes never produce the same content for
 * one group (their targets differ), so the same content twice is one notice published twice,
 * whatever the content's format.
 */
export async function noticeFigures(emulatorUrl: string): Promise<NoticeFigures> {
  const messages = await emulatorMessages(emulatorUrl);
  const seen = new Set<string>();
  for (const message of messages) {
    seen.add(`${message.toGroupId}\u0000${message.objectName}\u0000${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}`);
  }
  return { published: messages.length, duplicates: messages.length - seen.size, distinct: seen.size };
}
