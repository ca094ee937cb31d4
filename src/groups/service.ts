import { ChangeRunner, type ChangeRunnerDeps } from './changes/runner.js';
import { IDEMPOTENCY_RETENTION_MS } from './changes/idempotency.js';
import type { Group, InviteLink, JoinRequest, Member } from './entities.js';
import { GroupNotFoundError } from './errors.js';
import { GroupReader } from './reader.js';
import { hashInviteCode, newInviteCode, newInviteLinkId } from './invite-codes.js';
import type { GroupSearchRepository } from './store/search.repository.js';
import { DEFAULT_INVITATION_TTL_MS, DEFAULT_MAX_GROUP_MEMBERS } from './rules.js';
import type { RequestScope } from './scope.js';
import { createGroup, type CreateGroupInput } from './use-cases/create-group.js';
import { addGroupMembers, leaveGroup, removeGroupMembers, type GroupInput, type MembersInput } from './use-cases/membership.js';
import { dismissGroup, updateGroup, type UpdateGroupInput } from './use-cases/profile.js';
import { setGroupMemberNickname, type SetMemberNicknameInput } from './use-cases/nickname.js';
import { acceptGroupInvitation, declineGroupInvitation, inviteToGroup, type InviteInput } from './use-cases/invitations.js';
import { createGroupInviteLink, joinGroupByInviteLink, revokeGroupInviteLink, type CreateInviteLinkInput } from './use-cases/invite-links.js';
import { approveJoinRequests, cancelJoinRequest, declineJoinRequests, joinGroup, requestToJoinGroup, type JoinRequestInput } from './use-cases/join-requests.js';
import { setGroupMemberRole, transferGroupOwnership, type MemberInput, type SetMemberRoleInput } from './use-cases/roles.js';
import {
  muteGroupMembers,
  setGroupMuted,
  unmuteGroupMembers,
  type MuteMembersInput,
  type SetGroupMutedInput,
  type UnmuteMembersInput,
} from './use-cases/moderation.js';

export type { RequestScope } from './scope.js';

/**
 * What a change of who is in a group answers, so that a client's cache follows it: the group as
 * the change left it, the users it moved, and the memberships it made or changed (as they are now).
 */
export interface MembershipChange {
  group: Group;
  userIds: string[];
  members: Member[];
}

export interface GroupServiceDeps extends Omit<ChangeRunnerDeps, 'maxMembers' | 'invitationTtlMs'> {
  /** Group search's reads (its index is written by the groups repository). */
  search: GroupSearchRepository;
  /** Members a group may hold, the owner included (`IM_MAX_GROUP_MEMBERS`); the IM Service's default when absent. */
  maxGroupMembers?: number;
  /** How long an invitation lasts (`INVITATION_TTL_SECONDS`); 7 days when absent. */
  invitationTtlMs?: number;
}

/** What a way in answers: the group as it is with the newcomer, and the newcomer's membership. */
export interface Joined {
  group: Group;
  member: Member;
}

/** A new invite link, with its code: the only time the code is ever shown (null when a repeated key answers). */
export interface CreatedInviteLink {
  link: InviteLink;
  code: string | null;
}

/**
 * The group domain's front: one method per change, each running its use case (`use-cases/`)
 * through the one change runner and answering its outcome as entities, and a reader per request.
 * Every rule lives in the use cases and `permissions.ts`; every change goes through `changes/runner.ts`.
 */
export class GroupService {
  private readonly runner: ChangeRunner;

  constructor(private readonly deps: GroupServiceDeps) {
    this.runner = new ChangeRunner({
      ...deps,
      maxMembers: deps.maxGroupMembers ?? DEFAULT_MAX_GROUP_MEMBERS,
      invitationTtlMs: deps.invitationTtlMs ?? DEFAULT_INVITATION_TTL_MS,
    });
  }

  /** What one request reads, as its caller may read it. */
  reader(scope: Pick<RequestScope, 'callerId' | 'authProblem'>): GroupReader {
    return new GroupReader(this.deps, scope);
  }

  async createGroup(input: CreateGroupInput, scope: RequestScope): Promise<Group> {
    // `memberIds: null` is no other request than none at all (and was hashed so by earlier releases).
    const { groupId } = await this.runner.run(createGroup, { ...input, memberIds: input.memberIds ?? [] }, scope);
    return this.group(groupId);
  }

  /** Answers the group, who was actually added (users already in are left out) and their memberships. */
  async addGroupMembers(input: MembersInput, scope: RequestScope): Promise<MembershipChange> {
    const { added } = await this.runner.run(addGroupMembers, input, scope);
    return { group: await this.group(input.groupId), userIds: added, members: await this.members(input.groupId, added) };
  }

  /** Answers the group and who was actually removed (users who were not members are left out). */
  async removeGroupMembers(input: MembersInput, scope: RequestScope): Promise<MembershipChange> {
    const { removed } = await this.runner.run(removeGroupMembers, input, scope);
    return { group: await this.group(input.groupId), userIds: removed, members: [] };
  }

  /**
   * Answers the group the caller left, as it is without them, and the caller as the one removed.
   * (`callerId` is set: the runner refuses an anonymous caller before anything runs.)
   */
  async leaveGroup(input: GroupInput, scope: RequestScope): Promise<MembershipChange> {
    await this.runner.run(leaveGroup, input, scope);
    return { group: await this.group(input.groupId), userIds: [scope.callerId!], members: [] };
  }

  async updateGroup(input: UpdateGroupInput, scope: RequestScope): Promise<Group> {
    await this.runner.run(updateGroup, input, scope);
    return this.group(input.groupId);
  }

  /** Answers the group and the memberships whose role moved: the new owner's and the previous owner's. */
  async transferGroupOwnership(input: MemberInput, scope: RequestScope): Promise<MembershipChange> {
    await this.runner.run(transferGroupOwnership, input, scope);
    const userIds = [...new Set([input.userId, scope.callerId!])];
    return { group: await this.group(input.groupId), userIds, members: await this.members(input.groupId, userIds) };
  }

  /**
   * Answers the group and the member with the new role, as they are now (like every other change):
   * a repeated key must not hand a client cache the role its first answer gave, since changed.
   * A member who has left since is answered as the change left them (the field is non-null).
   */
  async setGroupMemberRole(input: SetMemberRoleInput, scope: RequestScope): Promise<{ group: Group; member: Member }> {
    const changed = await this.runner.run(setGroupMemberRole, input, scope);
    const [member = { ...changed, joinedAt: new Date(changed.joinedAt), nickname: null, mutedUntil: null }] = await this.members(input.groupId, [input.userId]);
    return { group: await this.group(input.groupId), member };
  }

  /** Answers the group and the member with their nickname as it is now (as the change left it, should they have left since). */
  async setGroupMemberNickname(input: SetMemberNicknameInput, scope: RequestScope): Promise<{ group: Group; member: Member }> {
    const changed = await this.runner.run(setGroupMemberNickname, input, scope);
    const [member = { ...changed, joinedAt: new Date(changed.joinedAt), mutedUntil: null }] = await this.members(input.groupId, [changed.userId]);
    return { group: await this.group(input.groupId), member };
  }

  /** Answers the dismissed group itself (its `dismissedAt` set): reads answer it as unknown from now on. */
  async dismissGroup(input: GroupInput, scope: RequestScope): Promise<Group> {
    await this.runner.run(dismissGroup, input, scope);
    return this.group(input.groupId);
  }

  /** Answers the group and the memberships muted, as they are now (their `mutedUntil`). */
  async muteGroupMembers(input: MuteMembersInput, scope: RequestScope): Promise<MembershipChange> {
    const { userIds } = await this.runner.run(muteGroupMembers, input, scope);
    return { group: await this.group(input.groupId), userIds, members: await this.members(input.groupId, userIds) };
  }

  /** Answers the group and the memberships unmuted, as they are now. */
  async unmuteGroupMembers(input: UnmuteMembersInput, scope: RequestScope): Promise<MembershipChange> {
    const { userIds } = await this.runner.run(unmuteGroupMembers, input, scope);
    return { group: await this.group(input.groupId), userIds, members: await this.members(input.groupId, userIds) };
  }

  /** Answers the group, muted or not as asked. */
  async setGroupMuted(input: SetGroupMutedInput, scope: RequestScope): Promise<Group> {
    await this.runner.run(setGroupMuted, input, scope);
    return this.group(input.groupId);
  }

  /** Answers the caller's pending request as it is now (a repeated key: as it is now, or as made when since answered). */
  async requestToJoinGroup(input: JoinRequestInput, scope: RequestScope): Promise<JoinRequest> {
    const { groupId, userId } = await this.runner.run(requestToJoinGroup, input, scope);
    const [request] = await this.deps.joinRequests.find(this.deps.store.db, groupId, [userId]);
    return request ?? { groupId, userId, message: input.message ?? null, requestedAt: new Date() };
  }

  /** Answers the group and the memberships the approval made. */
  async approveJoinRequests(input: MembersInput, scope: RequestScope): Promise<MembershipChange> {
    const { added } = await this.runner.run(approveJoinRequests, input, scope);
    return { group: await this.group(input.groupId), userIds: added, members: await this.members(input.groupId, added) };
  }

  /** Answers who was declined. */
  async declineJoinRequests(input: MembersInput, scope: RequestScope): Promise<{ groupId: string; userIds: string[] }> {
    const { declined } = await this.runner.run(declineJoinRequests, input, scope);
    return { groupId: input.groupId, userIds: declined };
  }

  async cancelJoinRequest(input: GroupInput, scope: RequestScope): Promise<{ groupId: string }> {
    return this.runner.run(cancelJoinRequest, input, scope);
  }

  async joinGroup(input: GroupInput, scope: RequestScope): Promise<Joined> {
    return this.joined(await this.runner.run(joinGroup, input, scope));
  }

  /** Answers the invitations as made (members already in left out). */
  async inviteToGroup(input: InviteInput, scope: RequestScope): Promise<{ groupId: string; userIds: string[] }> {
    const { invited } = await this.runner.run(inviteToGroup, input, scope);
    return { groupId: input.groupId, userIds: invited };
  }

  async acceptGroupInvitation(input: GroupInput, scope: RequestScope): Promise<Joined> {
    return this.joined(await this.runner.run(acceptGroupInvitation, input, scope));
  }

  async declineGroupInvitation(input: GroupInput, scope: RequestScope): Promise<{ groupId: string }> {
    return this.runner.run(declineGroupInvitation, input, scope);
  }

  /**
   * A new link and its code. The code is made here, outside the change, so that neither the store
   * nor a repeated idempotency key's recorded outcome ever holds it: a repeat answers the link
   * the first request made, its code null (it was shown once).
   */
  async createGroupInviteLink(input: CreateInviteLinkInput, scope: RequestScope): Promise<CreatedInviteLink> {
    const code = newInviteCode();
    const fresh = { linkId: newInviteLinkId(), codeHash: hashInviteCode(code) };
    const { linkId } = await this.runner.run(createGroupInviteLink(fresh), input, scope);
    return { link: await this.inviteLink(linkId), code: linkId === fresh.linkId ? code : null };
  }

  async revokeGroupInviteLink(input: { linkId: string; idempotencyKey?: string | null }, scope: RequestScope): Promise<InviteLink> {
    const { linkId } = await this.runner.run(revokeGroupInviteLink, input, scope);
    return this.inviteLink(linkId);
  }

  async joinGroupByInviteLink(input: { code: string; notify?: boolean | null; idempotencyKey?: string | null }, scope: RequestScope): Promise<Joined> {
    return this.joined(await this.runner.run(joinGroupByInviteLink, input, scope));
  }

  /** Forgets idempotency keys past their retention. */
  sweepIdempotencyKeys(now = Date.now()): Promise<number> {
    return this.deps.idempotency.deleteOlderThan(now - IDEMPOTENCY_RETENTION_MS);
  }

  /**
   * The group as the change left it, or as it is now when a repeated key answers the first
   * outcome: dismissed since, it is still answered (the first request did succeed).
   */
  private async group(groupId: string): Promise<Group> {
    const group = await this.deps.groups.findById(this.deps.store.db, groupId);
    if (!group) throw new GroupNotFoundError(groupId);
    return group;
  }

  /** The group and the newcomer's membership; one who left since is answered as they came in. */
  private async joined({ groupId, userId }: { groupId: string; userId: string }): Promise<Joined> {
    const group = await this.group(groupId);
    const [member = { groupId, userId, role: 'MEMBER' as const, joinedAt: new Date(), nickname: null, mutedUntil: null }] = await this.members(groupId, [userId]);
    return { group, member };
  }

  private async inviteLink(linkId: string): Promise<InviteLink> {
    const link = await this.deps.inviteLinks.findById(this.deps.store.db, linkId);
    if (!link) throw new Error(`invite link ${linkId} vanished`);
    return link;
  }

  /** These users' memberships of the group as they are now, in the order given (those no longer in are left out). */
  private async members(groupId: string, userIds: readonly string[]): Promise<Member[]> {
    const found = new Map((await this.deps.members.find(this.deps.store.db, groupId, userIds)).map((member) => [member.userId, member]));
    return userIds.flatMap((userId) => found.get(userId) ?? []);
  }
}
