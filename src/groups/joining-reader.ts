import { decodeTimeCursor, encodeTimeCursor } from './cursors.js';
import type { Group, Invitation, InviteLink, JoinRequest, Member } from './entities.js';
import { GROUP_ID, inviteCodeSchema, MAX_JOINING_PAGE } from './rules.js';
import { hashInviteCode } from './invite-codes.js';
import { pageOf, pageSize } from './pages.js';
import { authorize, inviteLinkCreatorStands } from './permissions.js';
import type { Page } from './reader.js';
import type { InvitationsRepository } from './store/invitations.repository.js';
import type { InviteLinksRepository } from './store/invite-links.repository.js';
import type { JoinRequestsRepository } from './store/join-requests.repository.js';
import type { MembersRepository } from './store/members.repository.js';
import type { Store } from './store/database.js';
import type { GroupsRepository } from './store/groups.repository.js';

export interface JoiningStores {
  store: Store;
  groups: GroupsRepository;
  members: MembersRepository;
  joinRequests: JoinRequestsRepository;
  invitations: InvitationsRepository;
  inviteLinks: InviteLinksRepository;
}

/** What the joining lists need of the request's reader: the caller, and the caller's membership (batched there). */
export interface ReaderSeat {
  viewerId(): string;
  viewerMembership(group: Group): Promise<Member | null>;
}

/** A page request of the joining lists: `first` up to MAX_JOINING_PAGE, after a cursor of the same list. */
export interface JoiningPageRequest {
  first: number;
  after?: string | null;
}

/**
 * The joining reads of one request (`GroupReader.joining`): a group's pending requests and invite
 * links (owner and admins, as `permissions.ts` says), the caller's own requests and invitations,
 * and the group an invite link's code opens. Lists are keyset pages, one statement each.
 */
export class JoiningReader {
  constructor(
    private readonly stores: JoiningStores,
    private readonly seat: ReaderSeat,
  ) {}

  /** The group's pending requests, oldest first; owner and admins only. */
  async joinRequests(group: Group, request: JoiningPageRequest): Promise<Page<JoinRequest>> {
    authorize('manageJoinRequests', (await this.seat.viewerMembership(group))?.role ?? null);
    const first = pageSize(request.first, MAX_JOINING_PAGE);
    const after = request.after ? decodeTimeCursor(request.after, 'q') : null;
    const rows = await this.stores.joinRequests.pageForGroup(group.groupId, first + 1, after);
    return pageOf(rows, first, after !== null, (row) => ({ cursor: encodeTimeCursor('q', row.requestedAt, row.userId), node: row }), notCounted);
  }

  /** The group's invite links, newest first, revoked and spent ones too; owner and admins only. */
  async inviteLinks(group: Group, request: JoiningPageRequest): Promise<Page<InviteLink>> {
    authorize('manageInviteLinks', (await this.seat.viewerMembership(group))?.role ?? null);
    const first = pageSize(request.first, MAX_JOINING_PAGE);
    const after = request.after ? decodeTimeCursor(request.after, 'l') : null;
    const rows = await this.stores.inviteLinks.pageForGroup(group.groupId, first + 1, after);
    return pageOf(rows, first, after !== null, (row) => ({ cursor: encodeTimeCursor('l', row.createdAt, row.linkId), node: row }), notCounted);
  }

  /** The caller's pending requests to active groups, newest first. */
  async viewerJoinRequests(request: JoiningPageRequest): Promise<Page<JoinRequest>> {
    const viewerId = this.seat.viewerId();
    const first = pageSize(request.first, MAX_JOINING_PAGE);
    const after = request.after ? decodeTimeCursor(request.after, 'r') : null;
    const rows = await this.stores.joinRequests.pageForUser(viewerId, first + 1, after);
    return pageOf(rows, first, after !== null, (row) => ({ cursor: encodeTimeCursor('r', row.requestedAt, row.groupId), node: row }), notCounted);
  }

  /** The caller's unexpired invitations to active groups, newest first. */
  async viewerInvitations(request: JoiningPageRequest): Promise<Page<Invitation>> {
    const viewerId = this.seat.viewerId();
    const first = pageSize(request.first, MAX_JOINING_PAGE);
    const after = request.after ? decodeTimeCursor(request.after, 'i') : null;
    const rows = await this.stores.invitations.pageForUser(viewerId, Date.now(), first + 1, after);
    return pageOf(rows, first, after !== null, (row) => ({ cursor: encodeTimeCursor('i', row.invitedAt, row.groupId), node: row }), notCounted);
  }

  /**
   * The group a code admits to, while the link would admit someone (not revoked, expired or used
   * up, its creator still managing the group); null otherwise, whichever the reason: a holder of
   * a valid link reads the profile before joining, a holder of a dead one learns nothing.
   */
  async groupByInviteCode(code: string): Promise<Group | null> {
    this.seat.viewerId();
    if (!inviteCodeSchema.safeParse(code).success) return null;
    const link = await this.stores.inviteLinks.findByCodeHash(this.stores.store.db, hashInviteCode(code));
    if (!link || !GROUP_ID.test(link.groupId) || !admits(link, Date.now())) return null;
    const [creator] = await this.stores.members.find(this.stores.store.db, link.groupId, [link.createdBy]);
    if (!inviteLinkCreatorStands(creator?.role ?? null)) return null;
    const [group] = await this.stores.groups.findByIds([link.groupId]);
    return group ?? null;
  }

  /**
   * Which of these groups the caller has a pending request to, or an unexpired invitation from:
   * their profile is theirs to read even when PRIVATE (`permissions.ts` `canReadProfile`). Two statements.
   */
  async standingIn(groupIds: readonly string[]): Promise<Set<string>> {
    const viewerId = this.seat.viewerId();
    const requested = await this.stores.joinRequests.groupIdsOf(viewerId, groupIds);
    const invited = await this.stores.invitations.liveGroupIdsOf(viewerId, groupIds, Date.now());
    return new Set([...requested, ...invited]);
  }
}

function admits(link: InviteLink, now: number): boolean {
  return link.revokedAt === null && link.expiresAt.getTime() > now && (link.maxUses === null || link.uses < link.maxUses);
}

/** These lists have no `totalCount` in the schema. */
function notCounted(): Promise<number> {
  return Promise.reject(new Error('this list is not counted'));
}
