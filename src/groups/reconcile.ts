import type { Kysely, Transaction } from 'kysely';
import type { EventLog } from './events/event-log.js';
import type { ImClient } from '../im/index.js';
import type { OutboxOperation } from './outbox/operations.js';
import type { OutboxRepository } from './outbox/outbox.repository.js';
import type { Store } from './store/database.js';
import type { GroupsRepository } from './store/groups.repository.js';
import type { MembersRepository } from './store/members.repository.js';
import type { Group } from './entities.js';
import { pushAlias } from './use-cases/nickname.js';
import { compareModeration, moderationRepairs, type ModerationDrift } from './reconcile-moderation.js';
import type { Database, SyncStatus } from './store/tables.js';

/** How one group at the IM Service differs from the store, the source of truth. */
export interface Drift {
  groupId: string;
  /** In the store, not at the IM Service: they must join. */
  missingAtIm: string[];
  /** At the IM Service, not in the store: they must quit. */
  extraAtIm: string[];
  /** The IM Service has none of the group's members (it lost the group): it is created again, with its name. */
  lost: boolean;
  /** The name the IM Service shows when it is not the store's (push notifications show it); null when the same or unknown. */
  nameAtIm: string | null;
  /** The store's name. */
  name: string;
  /**
   * Members whose push alias at the IM Service is not their nickname here (missing or another):
   * set again. Only members with a nickname are asked (one `/group/remarks/get.json` each); an
   * alias left for a member who has none here is not seen (it would cost a call per member).
   */
  aliases: Array<{ userId: string; remark: string }>;
  /** Who may speak (ban, whitelist, gags) differs from the store; null when it agrees or was not compared. */
  moderation: ModerationDrift | null;
  /** Dismissed here, still holding members there: it is dismissed there too (by its owner). */
  dismissedHere: boolean;
  ownerId: string;
  /** The group was FAILED and an operator asked to repair it (`--include-failed`). */
  failed: boolean;
  /**
   * The store as the walk read it, before comparing: a repair made from a snapshot the store has
   * since moved past (a dismissal, a member added or removed, a rename) is skipped, see `repairDrift`.
   */
  seen: { syncStatus: SyncStatus; dismissed: boolean; lastOutboxId: number };
}

export interface ReconcileDeps {
  store: Store;
  groups: GroupsRepository;
  members: MembersRepository;
  outbox: OutboxRepository;
  events: EventLog;
  im: ImClient;
}

export interface WalkOptions {
  /** Compare and repair FAILED groups too: an operator has fixed the cause. */
  includeFailed?: boolean;
}

/** What a walk saw besides drift: groups compared, and those left alone, by status. */
export interface WalkTotals {
  checked: number;
  /** PENDING groups: their changes are still on their way, so they are not compared. */
  pending: number;
  /** FAILED groups left for an operator (all of them, unless `includeFailed`). */
  failed: Array<{ groupId: string; syncError: string | null }>;
}

const PAGE = 200;
/** `/user/group/query.json` without a page answers at most this many groups (see src/im/README.md). */
const UNPAGED_USER_GROUPS = 5000;

/**
 * Compares every settled group with the IM Service, through the limiter like every call, and
 * yields those that differ: active groups (members via `/group/user/query.json`, the name via one
 * member's `/user/group/query.json`, who may speak via the moderation queries: `reconcile-moderation.ts`) and dismissed ones (which must hold no members there).
 * PENDING groups are converging already and only counted; FAILED ones are counted and listed,
 * and compared too when `includeFailed` (then yielded even when nothing differs, to be settled).
 */
export async function* findDrift(deps: ReconcileDeps, options: WalkOptions = {}): AsyncGenerator<Drift, WalkTotals> {
  const totals: WalkTotals = { checked: 0, pending: 0, failed: [] };
  for (const page of [deps.groups.pageByStatus.bind(deps.groups), deps.groups.pageDismissed.bind(deps.groups)]) {
    for await (const group of pages((after) => page('PENDING', after, PAGE))) totals.pending += group ? 1 : 0;
    for await (const group of pages((after) => page('FAILED', after, PAGE))) totals.failed.push({ groupId: group.groupId, syncError: group.syncError });
  }
  const statuses: SyncStatus[] = options.includeFailed ? ['SYNCED', 'FAILED'] : ['SYNCED'];
  for (const status of statuses) {
    for await (const group of pages((after) => deps.groups.pageByStatus(status, after, PAGE))) {
      totals.checked++;
      // Read before the members: a change committed after this read shows as a newer row at repair time.
      const lastOutboxId = await lastOutboxIdOf(deps.store.db, group.groupId);
      const drift = await compareActive(deps, group, lastOutboxId);
      if (drift || status === 'FAILED') yield drift ?? settled(group, lastOutboxId);
    }
    for await (const group of pages((after) => deps.groups.pageDismissed(status, after, PAGE))) {
      totals.checked++;
      const lastOutboxId = await lastOutboxIdOf(deps.store.db, group.groupId);
      const atIm = await deps.im.queryGroupMembers(group.groupId);
      if (atIm.length > 0 || status === 'FAILED') yield { ...settled(group, lastOutboxId), dismissedHere: atIm.length > 0 };
    }
  }
  if (options.includeFailed) totals.failed = [];
  return totals;
}

/**
 * The newest outbox row of the group (0 for none). Every change to a group writes its rows under
 * the group's lock (see `GroupsRepository.lock`), so within one group ids grow in commit order.
 */
async function lastOutboxIdOf(db: Kysely<Database>, groupId: string): Promise<number> {
  const row = await db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('last')).where('group_id', '=', groupId).executeTakeFirst();
  return Number(row?.last ?? 0);
}

async function compareActive(deps: ReconcileDeps, group: Group, lastOutboxId: number): Promise<Drift | null> {
  const [stored, atIm] = await Promise.all([deps.members.userIdsOf(group.groupId), deps.im.queryGroupMembers(group.groupId)]);
  const storedSet = new Set(stored);
  const imSet = new Set(atIm);
  const missingAtIm = stored.filter((userId) => !imSet.has(userId));
  const extraAtIm = atIm.filter((userId) => !storedSet.has(userId));
  const lost = atIm.length === 0 && stored.length > 0;
  const witness = atIm.find((userId) => storedSet.has(userId));
  const nameAtIm = witness === undefined ? null : await nameAt(deps.im, witness, group);
  const aliases = await aliasesAway(deps, group.groupId);
  const moderation = await compareModeration({ im: deps.im, members: deps.members, db: deps.store.db }, group);
  if (missingAtIm.length + extraAtIm.length + aliases.length === 0 && nameAtIm === null && moderation === null) return null;
  return { ...settled(group, lastOutboxId), missingAtIm, extraAtIm, lost, nameAtIm, aliases, moderation };
}

/** Nicknamed members whose push alias at the IM Service is not what the gateway sends for their nickname. */
async function aliasesAway(deps: ReconcileDeps, groupId: string): Promise<Drift['aliases']> {
  const away: Drift['aliases'] = [];
  for (const { userId, nickname } of await deps.members.nicknamesOf(groupId)) {
    const remark = pushAlias(nickname, userId);
    if ((await deps.im.queryGroupRemark({ groupId, userId })) !== remark) away.push({ userId, remark });
  }
  return away;
}

/** The group's name as the IM Service holds it, read from a member's list; null when it matches or cannot be seen. */
async function nameAt(im: ImClient, userId: string, group: Group): Promise<string | null> {
  const groups = await im.queryUserGroups({ userId });
  const found = groups.find((candidate) => candidate.id === group.groupId);
  // Past the first 5000 of the member's groups the name cannot be read: it is left alone.
  if (!found || groups.length >= UNPAGED_USER_GROUPS) return null;
  return found.name === group.name ? null : found.name;
}

function settled(group: Group, lastOutboxId: number): Drift {
  return {
    groupId: group.groupId,
    missingAtIm: [],
    extraAtIm: [],
    lost: false,
    nameAtIm: null,
    aliases: [],
    moderation: null,
    name: group.name,
    dismissedHere: false,
    ownerId: group.ownerId,
    failed: group.syncStatus === 'FAILED',
    seen: { syncStatus: group.syncStatus, dismissed: group.dismissedAt !== null, lastOutboxId },
  };
}

async function* pages(page: (after: string | null) => Promise<Group[]>): AsyncGenerator<Group> {
  for (let after: string | null = null; ; ) {
    const rows = await page(after);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.groupId;
  }
}

/** The IM operations that bring the IM Service in step with the store for this drift, in order. */
export function repairsFor(drift: Drift): OutboxOperation[] {
  const { groupId } = drift;
  if (drift.dismissedHere) return [{ kind: 'dismissGroup', groupId, operatorUserId: drift.ownerId }];
  const operations: OutboxOperation[] = [];
  // A create sets the name too, and is a join for the members it names (create is an alias of join).
  if (drift.lost) operations.push({ kind: 'createGroup', groupId, groupName: drift.name, userIds: drift.missingAtIm });
  else if (drift.missingAtIm.length > 0) operations.push({ kind: 'joinGroup', groupId, userIds: drift.missingAtIm });
  if (drift.extraAtIm.length > 0) operations.push({ kind: 'quitGroup', groupId, userIds: drift.extraAtIm });
  if (drift.nameAtIm !== null && !drift.lost) operations.push({ kind: 'refreshGroup', groupId, groupName: drift.name });
  for (const { userId, remark } of drift.aliases) operations.push({ kind: 'setGroupRemark', groupId, userId, remark });
  // After the members: a gag or whitelist entry for a member the IM Service lacked lands once they are in.
  if (drift.moderation) operations.push(...moderationRepairs(groupId, drift.moderation));
  return operations;
}

/**
 * Writes the repairs to the outbox, marking the group PENDING; the dispatcher sends them. A FAILED
 * group's failed rows are RESOLVED first (superseded by these repairs, computed from the store),
 * and a FAILED group with nothing to repair is SYNCED at once.
 *
 * The drift was computed from a snapshot read earlier in the walk: under the group's lock, the
 * group is read again and left alone (answering false) when the store has moved on since: it was
 * dismissed (or is gone), its sync status changed, or it has outbox rows newer than the walk saw.
 * Repairing anyway would undo that change: re-create a just-dismissed group with all its members,
 * quit a just-added member, re-join a just-removed one. The next reconcile compares it afresh.
 */
export async function repairDrift(deps: ReconcileDeps, drift: Drift): Promise<boolean> {
  const operations = repairsFor(drift);
  const repaired = await deps.store.db.transaction().execute(async (trx: Transaction<Database>): Promise<boolean> => {
    // Like every change: the group first, so its outbox rows keep their order (see `GroupsRepository.lock`).
    await deps.groups.lock(trx, drift.groupId);
    const current = await deps.groups.findById(trx, drift.groupId);
    const unchanged =
      current !== undefined &&
      (current.dismissedAt !== null) === drift.seen.dismissed &&
      current.syncStatus === drift.seen.syncStatus &&
      (await lastOutboxIdOf(trx, drift.groupId)) === drift.seen.lastOutboxId;
    if (!unchanged) return false;
    if (drift.failed) await deps.outbox.resolveFailed(trx, drift.groupId);
    const writtenAt = Date.now();
    for (const operation of operations) await deps.outbox.insert(trx, { groupId: drift.groupId, kind: operation.kind, payload: operation, now: writtenAt });
    const backlog = await deps.outbox.changeBacklog(trx, drift.groupId);
    await deps.groups.setSyncStatus(trx, drift.groupId, backlog ?? 'SYNCED');
    // The store is the truth the repairs push: a change whose refusal was never undone stands, and its events go.
    if (drift.failed) await deps.events.readySuperseded(trx, drift.groupId);
    return true;
  });
  // Ready now: this instance's releaser (or, from the CLI, any instance's sweep) gives them their cursor.
  if (repaired && drift.failed) deps.events.kick();
  return repaired;
}
