import { ChangeRunner, type ChangeRunnerDeps } from './changes/runner.js';
import { IDEMPOTENCY_RETENTION_MS } from './changes/idempotency.js';
import type { Group, Member } from './entities.js';
import { GroupNotFoundError } from './errors.js';
import { GroupReader } from './reader.js';
import { DEFAULT_MAX_GROUP_MEMBERS } from './rules.js';
import type { RequestScope } from './scope.js';
import { createGroup, type CreateGroupInput } from './use-cases/create-group.js';
import { addGroupMembers, leaveGroup, removeGroupMembers, type GroupInput, type MembersInput } from './use-cases/membership.js';
import { dismissGroup, updateGroup, type UpdateGroupInput } from './use-cases/profile.js';
import { setGroupMemberRole, transferGroupOwnership, type MemberInput, type SetMemberRoleInput } from './use-cases/roles.js';

export type { RequestScope } from './scope.js';

export interface GroupServiceDeps extends Omit<ChangeRunnerDeps, 'maxMembers'> {
  /** Members a group may hold, the owner included (`IM_MAX_GROUP_MEMBERS`); the IM Service's default when absent. */
  maxGroupMembers?: number;
}

/**
 * The group domain's front: one method per change, each running its use case (`use-cases/`)
 * through the one change runner and answering its outcome as entities, and a reader per request.
 * Every rule lives in the use cases and `permissions.ts`; every change goes through `changes/runner.ts`.
 */
export class GroupService {
  private readonly runner: ChangeRunner;

  constructor(private readonly deps: GroupServiceDeps) {
    this.runner = new ChangeRunner({ ...deps, maxMembers: deps.maxGroupMembers ?? DEFAULT_MAX_GROUP_MEMBERS });
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

  /** Answers the group and who was actually added (users already in are left out). */
  async addGroupMembers(input: MembersInput, scope: RequestScope): Promise<{ group: Group; userIds: string[] }> {
    const { added } = await this.runner.run(addGroupMembers, input, scope);
    return { group: await this.group(input.groupId), userIds: added };
  }

  /** Answers the group and who was actually removed (users who were not members are left out). */
  async removeGroupMembers(input: MembersInput, scope: RequestScope): Promise<{ group: Group; userIds: string[] }> {
    const { removed } = await this.runner.run(removeGroupMembers, input, scope);
    return { group: await this.group(input.groupId), userIds: removed };
  }

  leaveGroup(input: GroupInput, scope: RequestScope): Promise<{ groupId: string }> {
    return this.runner.run(leaveGroup, input, scope);
  }

  async updateGroup(input: UpdateGroupInput, scope: RequestScope): Promise<Group> {
    await this.runner.run(updateGroup, input, scope);
    return this.group(input.groupId);
  }

  async transferGroupOwnership(input: MemberInput, scope: RequestScope): Promise<Group> {
    await this.runner.run(transferGroupOwnership, input, scope);
    return this.group(input.groupId);
  }

  async setGroupMemberRole(input: SetMemberRoleInput, scope: RequestScope): Promise<Member> {
    const member = await this.runner.run(setGroupMemberRole, input, scope);
    return { ...member, joinedAt: new Date(member.joinedAt) };
  }

  dismissGroup(input: GroupInput, scope: RequestScope): Promise<{ groupId: string }> {
    return this.runner.run(dismissGroup, input, scope);
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
}
