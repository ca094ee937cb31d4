import { BoundedList } from './bounded-list.js';
import { badParameter } from './im-error.js';

/** The service's default cap per group, owner included; an app may have it raised. */
export const MAX_GROUP_MEMBERS = 3000;
const MAX_KEPT_MESSAGES = 200_000;

export interface Group {
  name: string;
  /** A Set keeps insertion order, which is the join order the query endpoint returns. */
  members: Set<string>;
}

export interface PublishedMessage {
  fromUserId: string;
  toGroupId: string;
  objectName: string;
  content: unknown;
  pushContent?: string;
  at: number;
}

/**
 * Groups, members and published messages. Every mutation validates the member cap before
 * changing anything, so a rejected call leaves no trace. `groupsByUser` mirrors the
 * memberships so per-user queries never scan all groups.
 */
export class EmulatorState {
  private readonly groups = new Map<string, Group>();
  private readonly groupsByUser = new Map<string, Set<string>>();
  private readonly messages = new BoundedList<PublishedMessage>(MAX_KEPT_MESSAGES);
  /**
   * Push aliases (`/group/remarks/*`) by group, then user. Kept apart from the groups: the push
   * service holds them by (group, user), and nothing says a quit or a dismissal clears them.
   */
  private readonly remarks = new Map<string, Map<string, string>>();

  constructor(private readonly maxMembers: number = MAX_GROUP_MEMBERS) {}

  group(groupId: string): Group | undefined {
    return this.groups.get(groupId);
  }

  allGroups(): IterableIterator<[string, Group]> {
    return this.groups.entries();
  }

  /** Creates the group when missing (named `name`, else its id) and adds the users. */
  join(groupId: string, userIds: readonly string[], name?: string): void {
    const existing = this.groups.get(groupId);
    const newcomers = [...new Set(userIds)].filter((userId) => !existing?.members.has(userId));
    assertRoomFor(groupId, existing, newcomers.length, this.maxMembers);
    const group = existing ?? this.createGroup(groupId, name ?? groupId);
    if (name !== undefined) group.name = name;
    for (const userId of newcomers) this.addMember(groupId, group, userId);
  }

  /** Unknown groups and non-members are not errors; an emptied group stays. */
  quit(groupId: string, userIds: readonly string[]): void {
    const group = this.groups.get(groupId);
    if (!group) return;
    for (const userId of userIds) this.removeMember(groupId, group, userId);
  }

  dismiss(groupId: string): void {
    const group = this.groups.get(groupId);
    if (!group) return;
    for (const userId of group.members) this.unindex(userId, groupId);
    this.groups.delete(groupId);
  }

  rename(groupId: string, name: string): void {
    const group = this.groups.get(groupId);
    if (group) group.name = name;
  }

  /** The user's groups in the order the user joined them, one page at a time (1-based). */
  groupsOfUser(userId: string, page: number, size: number): { id: string; name: string }[] {
    const groupIds = this.groupsByUser.get(userId);
    if (!groupIds) return [];
    return [...groupIds].slice((page - 1) * size, page * size).map((id) => ({
      id,
      name: this.groups.get(id)?.name ?? id,
    }));
  }

  /**
   * Makes `wanted` (groupId → name) the user's exact membership. A listed group that is
   * missing is created with that name; an existing group keeps its own name.
   */
  syncUser(userId: string, wanted: ReadonlyMap<string, string>): void {
    for (const [groupId] of wanted) {
      const group = this.groups.get(groupId);
      if (!group?.members.has(userId)) assertRoomFor(groupId, group, 1, this.maxMembers);
    }
    for (const groupId of [...(this.groupsByUser.get(userId) ?? [])]) {
      if (!wanted.has(groupId)) this.quit(groupId, [userId]);
    }
    for (const [groupId, name] of wanted) {
      const group = this.groups.get(groupId) ?? this.createGroup(groupId, name);
      if (!group.members.has(userId)) this.addMember(groupId, group, userId);
    }
  }

  setRemark(groupId: string, userId: string, remark: string): void {
    let group = this.remarks.get(groupId);
    if (!group) {
      group = new Map();
      this.remarks.set(groupId, group);
    }
    group.set(userId, remark);
  }

  deleteRemark(groupId: string, userId: string): void {
    const group = this.remarks.get(groupId);
    group?.delete(userId);
    if (group?.size === 0) this.remarks.delete(groupId);
  }

  remark(groupId: string, userId: string): string | undefined {
    return this.remarks.get(groupId)?.get(userId);
  }

  /** Every push alias, group by group. */
  allRemarks(): Array<{ groupId: string; userId: string; remark: string }> {
    return [...this.remarks].flatMap(([groupId, byUser]) => [...byUser].map(([userId, remark]) => ({ groupId, userId, remark })));
  }

  recordMessage(message: PublishedMessage): void {
    this.messages.push(message);
  }

  publishedMessages(): PublishedMessage[] {
    return this.messages.toArray();
  }

  clear(): void {
    this.groups.clear();
    this.groupsByUser.clear();
    this.messages.clear();
    this.remarks.clear();
  }

  private createGroup(groupId: string, name: string): Group {
    const group: Group = { name, members: new Set() };
    this.groups.set(groupId, group);
    return group;
  }

  private addMember(groupId: string, group: Group, userId: string): void {
    group.members.add(userId);
    let index = this.groupsByUser.get(userId);
    if (!index) {
      index = new Set();
      this.groupsByUser.set(userId, index);
    }
    index.add(groupId);
  }

  private removeMember(groupId: string, group: Group, userId: string): void {
    if (group.members.delete(userId)) this.unindex(userId, groupId);
  }

  private unindex(userId: string, groupId: string): void {
    const index = this.groupsByUser.get(userId);
    if (!index) return;
    index.delete(groupId);
    // Drop empty entries so churn of one-off users does not leak memory in long benchmarks.
    if (index.size === 0) this.groupsByUser.delete(userId);
  }
}

function assertRoomFor(groupId: string, group: Group | undefined, newcomers: number, maxMembers: number): void {
  const current = group?.members.size ?? 0;
  if (current + newcomers > maxMembers) {
    throw badParameter(
      `group ${groupId} would have ${current + newcomers} members, more than ${maxMembers}`,
    );
  }
}
