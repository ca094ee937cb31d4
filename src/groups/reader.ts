import DataLoader from 'dataloader';
import { decodeMemberCursor, decodeMembershipCursor, encodeMemberCursor, encodeMembershipCursor } from './cursors.js';
import type { Group, Member, MemberRole, Membership } from './entities.js';
import { InvalidInputError, NotAuthenticatedError } from './errors.js';
import { CursorExpiredError, type EventLog } from './events/event-log.js';
import type { GroupEvent } from './events/event.js';
import { authorize, authorizeMembershipRead, can } from './permissions.js';
import { GROUP_ID, MAX_EVENTS_PAGE, MAX_GROUPS_PAGE, MAX_MEMBERS_PAGE } from './rules.js';
import { isValidUserId } from './user-ids.js';
import type { RequestScope } from './scope.js';
import type { GroupsRepository } from './store/groups.repository.js';
import type { MembersRepository } from './store/members.repository.js';

/** A page of a keyset-paged list, in the shape Relay connections take. */
export interface Page<T, Extra = object> {
  edges: Array<{ cursor: string; node: T } & Extra>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** How many items the whole list holds, counted only when asked for (see each list for its cost). */
  totalCount(): Promise<number>;
}

export interface PageRequest {
  first: number;
  /** The `endCursor` of the previous page. */
  after?: string | null;
  role?: MemberRole | null;
}

/**
 * Everything one request reads, as the caller may read it (see `permissions.ts`). One reader per
 * request: its loaders batch every lookup of a request into one statement per kind, and cache
 * it, so a page of groups costs the same few statements whatever its size.
 */
export class GroupReader {
  private readonly groups: DataLoader<string, Group | null>;
  private readonly owners: DataLoader<string, Member | null>;
  private readonly viewerMemberships: DataLoader<string, Member | null>;
  /** Keyed `groupId:userId` (neither id can hold a colon). */
  private readonly membersByKey: DataLoader<string, Member | null>;
  private readonly roleCounts = new Map<MemberRole, DataLoader<string, number>>();

  constructor(
    private readonly store: { groups: GroupsRepository; members: MembersRepository; events: EventLog },
    private readonly scope: Pick<RequestScope, 'callerId' | 'authProblem' | 'credentialsRefused'>,
  ) {
    this.groups = new DataLoader(async (ids) => alignBy(ids, await store.groups.findByIds(ids), (group) => group.groupId));
    this.owners = new DataLoader(async (ids) => alignBy(ids, await store.members.findOwners(ids), (member) => member.groupId));
    this.membersByKey = new DataLoader(async (keys) => {
      const found = await store.members.findPairs(keys.map((key) => splitMemberKey(key)));
      return alignBy(keys, found, (member) => memberKey(member.groupId, member.userId));
    });
    const viewerId = scope.callerId;
    this.viewerMemberships = new DataLoader(async (ids) =>
      viewerId ? alignBy(ids, await store.members.findForUser(viewerId, ids), (member) => member.groupId) : ids.map(() => null),
    );
  }

  /** The signed-in caller's id; reads need one. */
  viewerId(): string {
    if (!this.scope.callerId) throw new NotAuthenticatedError(this.scope.authProblem ?? undefined);
    return this.scope.callerId;
  }

  /**
   * The caller's id, or null for a request that names no caller (an anonymous read of `viewer`);
   * a request whose token was refused is refused, saying why, as every read is.
   */
  viewerIdIfAny(): string | null {
    if (this.scope.credentialsRefused) throw new NotAuthenticatedError(this.scope.authProblem);
    return this.scope.callerId ?? null;
  }

  /** Forgets what this request read so far: a change made in the request may have changed it. */
  clear(): void {
    this.groups.clearAll();
    this.owners.clearAll();
    this.viewerMemberships.clearAll();
    this.membersByKey.clearAll();
    this.roleCounts.clear();
  }

  /** An active group by id, or null (unknown or dismissed). Any signed-in user may read a profile. */
  async group(groupId: string): Promise<Group | null> {
    this.viewerId();
    authorize('readProfile', null);
    // An id no group can have is not looked up (PostgreSQL refuses a NUL, for one).
    if (!GROUP_ID.test(groupId)) throw notAGroupId();
    return this.groups.load(groupId);
  }

  /**
   * Many groups in the order asked, in one statement: null where a group is unknown (or
   * dismissed), an `InvalidInputError` in the place of an id no group can have, so each id
   * answers alone. The list is already one batch, so it goes to the store directly; the groups
   * it found are then cached for the rest of the request.
   */
  async groupList(groupIds: readonly string[]): Promise<Array<Group | null | InvalidInputError>> {
    this.viewerId();
    authorize('readProfile', null);
    const valid = groupIds.filter((groupId) => GROUP_ID.test(groupId));
    const found = new Map((await this.store.groups.findByIds(valid)).map((group) => [group.groupId, group]));
    for (const groupId of valid) this.groups.prime(groupId, found.get(groupId) ?? null);
    return groupIds.map((groupId) => (GROUP_ID.test(groupId) ? (found.get(groupId) ?? null) : notAGroupId()));
  }

  async owner(group: Group): Promise<Member> {
    const owner = await this.owners.load(group.groupId);
    if (!owner) throw new Error(`group ${group.groupId} has no owner row`);
    return owner;
  }

  /** The caller's membership in the group; null for an outsider or an anonymous caller. */
  viewerMembership(group: Group): Promise<Member | null> {
    return this.viewerMemberships.load(group.groupId);
  }

  /**
   * One membership of an active group, or null (no such member, or the group is unknown or
   * dismissed); only the group's members may read it, as they may read its member list, except
   * the owner's, which whoever reads the profile reads (`permissions.ts` `authorizeMembershipRead`).
   */
  async member(groupId: string, userId: string): Promise<Member | null> {
    this.viewerId();
    if (!GROUP_ID.test(groupId) || !isValidUserId(userId)) {
      throw new InvalidInputError([{ path: ['id'], message: 'not a member id: a group id and a user id' }]);
    }
    const group = await this.groups.load(groupId);
    if (!group) return null;
    const [viewer, member] = await Promise.all([this.viewerMembership(group), this.membersByKey.load(memberKey(groupId, userId))]);
    authorizeMembershipRead(viewer?.role ?? null, member);
    return member;
  }

  /**
   * A user's membership in a group, when the caller may read it (as `member`), else null rather
   * than a refusal: for the users an event names, who may since have left. Batched per request.
   */
  async memberIfVisible(groupId: string, userId: string): Promise<Member | null> {
    const [viewer, member] = await Promise.all([this.viewerMemberships.load(groupId), this.membersByKey.load(memberKey(groupId, userId))]);
    if (!member) return null;
    return can(member.role === 'OWNER' ? 'readProfile' : 'readMembers', viewer?.role ?? null) ? member : null;
  }

  /**
   * The group's event history, oldest first (newest last), a page at a time; only members may
   * read it. A cursor older than what retention kept is refused: start again without one.
   */
  async events(group: Group, request: Pick<PageRequest, 'first' | 'after'>): Promise<Page<GroupEvent>> {
    this.viewerId();
    authorize('readEvents', (await this.viewerMembership(group))?.role ?? null);
    const first = pageSize(request.first, MAX_EVENTS_PAGE);
    const after = request.after ?? null;
    let events: GroupEvent[];
    try {
      events = await this.store.events.readGroupAfter(group.groupId, after, first + 1);
    } catch (error) {
      if (!(error instanceof CursorExpiredError)) throw error;
      throw new InvalidInputError([{ path: ['after'], message: 'after is older than the events kept (EVENT_RETENTION_HOURS): read again without it' }]);
    }
    // Not counted: the history has no totalCount field.
    return pageOf(events, first, after !== null, (event) => ({ cursor: event.cursor, node: event }), () => Promise.reject(new Error('events are not counted')));
  }

  /** Members in join order; only members may read them. */
  async members(group: Group, request: PageRequest): Promise<Page<Member>> {
    this.viewerId();
    authorize('readMembers', (await this.viewerMembership(group))?.role ?? null);
    const first = pageSize(request.first, MAX_MEMBERS_PAGE);
    const after = request.after ? decodeMemberCursor(request.after) : null;
    const members = await this.store.members.page(group.groupId, first + 1, after, request.role ?? null);
    // Unfiltered, the count is the group's own `member_count`: no statement. By role, one COUNT per role for the request's groups.
    const totalCount = request.role ? () => this.roleCount(request.role!).load(group.groupId) : () => Promise.resolve(group.memberCount);
    return pageOf(members, first, after !== null, (member) => ({ cursor: encodeMemberCursor(member), node: member }), totalCount);
  }

  /** The caller's groups, newest membership first, each with the caller's membership on its edge. */
  async viewerGroups(request: PageRequest): Promise<Page<Group, { member: Member }>> {
    const viewerId = this.viewerId();
    const first = pageSize(request.first, MAX_GROUPS_PAGE);
    const after = request.after ? decodeMembershipCursor(request.after) : null;
    const rows: Membership[] = await this.store.members.pageForUser(viewerId, first + 1, after, request.role ?? null);
    // The page already holds each group and the caller's membership: later fields (`viewerRole`) cost no statement.
    for (const { group, member } of rows.slice(0, first)) {
      this.groups.prime(group.groupId, group);
      this.viewerMemberships.prime(group.groupId, member);
    }
    // One COUNT over the caller's memberships (the `user_id` index), only when asked for.
    const totalCount = () => this.store.members.countForUser(viewerId, request.role ?? null);
    return pageOf(rows, first, after !== null, ({ group, member }) => ({ cursor: encodeMembershipCursor(member), node: group, member }), totalCount);
  }

  private roleCount(role: MemberRole): DataLoader<string, number> {
    let loader = this.roleCounts.get(role);
    if (!loader) {
      loader = new DataLoader(async (groupIds) => {
        const counts = new Map((await this.store.members.countByRole(groupIds, role)).map((row) => [row.groupId, row.count]));
        return groupIds.map((groupId) => counts.get(groupId) ?? 0);
      });
      this.roleCounts.set(role, loader);
    }
    return loader;
  }
}

function notAGroupId(): InvalidInputError {
  return new InvalidInputError([{ path: ['groupId'], message: 'groupId is not a group id (1 to 64 letters and digits)' }]);
}

function pageSize(first: number, max: number): number {
  if (first < 1 || first > max) throw new InvalidInputError([{ path: ['first'], message: `first must be from 1 to ${max}` }]);
  return first;
}

/** A page from `first + 1` rows read after a cursor: the extra row only says whether more follow. */
function pageOf<Row, T, Extra>(
  rows: readonly Row[],
  first: number,
  hadCursor: boolean,
  edgeOf: (row: Row) => { cursor: string; node: T } & Extra,
  totalCount: () => Promise<number>,
): Page<T, Extra> {
  const edges = rows.slice(0, first).map(edgeOf);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** Puts rows in the order of the keys DataLoader asked for, null where a key has no row. */
function alignBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

function memberKey(groupId: string, userId: string): string {
  return `${groupId}:${userId}`;
}

function splitMemberKey(key: string): { groupId: string; userId: string } {
  const at = key.indexOf(':');
  return { groupId: key.slice(0, at), userId: key.slice(at + 1) };
}
