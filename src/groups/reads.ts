import type { RequestScope } from './changes.js';
import { NotAuthenticatedError } from './errors.js';
import type { GroupsRepository } from './store/groups.repository.js';
import type { MemberCursor, Membership, MembershipCursor, MembersRepository } from './store/members.repository.js';
import type { GroupRow, MemberRole, MemberRow } from './store/tables.js';

/**
 * What the GraphQL layer reads. Each read is one statement whatever the number of ids, so
 * DataLoaders batching them per request keep a page at a constant number of statements.
 */
export class GroupReads {
  constructor(
    private readonly groups: GroupsRepository,
    private readonly members: MembersRepository,
  ) {}

  /** Active groups (dismissed ones read as unknown). */
  groupsByIds(groupIds: readonly string[]): Promise<GroupRow[]> {
    return this.groups.findByIds(groupIds);
  }

  ownersOf(groupIds: readonly string[]): Promise<MemberRow[]> {
    return this.members.findOwners(groupIds);
  }

  /** One user's memberships in many groups (for `viewerRole`). */
  membershipsOf(userId: string, groupIds: readonly string[]): Promise<MemberRow[]> {
    return this.members.findForUser(userId, groupIds);
  }

  membersPage(groupId: string, limit: number, after: MemberCursor | null, role: MemberRole | null): Promise<MemberRow[]> {
    return this.members.page(groupId, limit, after, role);
  }

  /** The caller's groups, newest membership first. */
  viewerGroups(scope: RequestScope, limit: number, after: MembershipCursor | null, role: MemberRole | null): Promise<Membership[]> {
    if (!scope.callerId) throw new NotAuthenticatedError(scope.authProblem ?? undefined);
    return this.members.pageForUser(scope.callerId, limit, after, role);
  }
}
