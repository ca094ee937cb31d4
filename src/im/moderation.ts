import type { CallOptions } from './caller.js';

/**
 * The IM Service's group moderation endpoints: member gags (`/group/user/gag/*`), the whole-group
 * ban (`/group/ban/*`) and the ban's speaking whitelist (`/group/user/ban/whitelist/*`). Sources
 * (src/im/README.md): the vendor's Go SDK v4 `rongcloud/group.go` (`GroupUserGagAddRequest`: "每次
 * 添加最多不超过 20 个用户", "最大值为 43200 分钟，为 0 表示永久禁言"; `GagUser` `userId`/`time`), its
 * Python SDK `rongcloud/group.py` (`Gag`, `Ban`, `Whitelist`: 1~20 users or groups per call, the
 * whitelist query answering `userIds`), and its Node SDK `rongcloud-sdk` 3.1.1
 * `lib/group/{gag,mute-all-member,mute-whitelist}` (`minute` 0..43200, ban `groupinfo` answers).
 */
export const MODERATION_LIMITS = {
  /** Users per gag add/rollback and per whitelist add/rollback call. */
  usersPerCall: 20,
  /** Groups per ban add/rollback/query call. */
  groupsPerCall: 20,
  /** The longest gag, in minutes (30 days). 0 would be "permanent" in two SDKs; the gateway never sends it. */
  maxGagMinutes: 43_200,
} as const;

type GroupCall = (path: string, params: Record<string, string | readonly string[] | number | undefined>, options?: CallOptions) => Promise<Record<string, unknown>>;

export interface GaggedMember {
  userId: string;
  /** When the gag ends, as the IM Service words it ("YYYY-MM-DD HH:MM:SS", in its data center's time zone). */
  time: string;
}

/** One typed method per moderation endpoint; every call takes a slot of the group rate class, as all `/group/*` calls. */
export class ImModeration {
  constructor(private readonly call: GroupCall) {}

  /** Gags 1 to 20 members of one group for 1 to 43 200 minutes. */
  async gagMembers(input: { groupId: string; userIds: readonly string[]; minutes: number }, options?: CallOptions): Promise<void> {
    assertBatch(input.userIds, MODERATION_LIMITS.usersPerCall, 'users');
    if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > MODERATION_LIMITS.maxGagMinutes) {
      throw new RangeError(`a gag lasts 1 to ${MODERATION_LIMITS.maxGagMinutes} minutes, not ${input.minutes}`);
    }
    await this.call('/group/user/gag/add.json', { userId: input.userIds, groupId: input.groupId, minute: input.minutes }, options);
  }

  async ungagMembers(input: { groupId: string; userIds: readonly string[] }, options?: CallOptions): Promise<void> {
    assertBatch(input.userIds, MODERATION_LIMITS.usersPerCall, 'users');
    await this.call('/group/user/gag/rollback.json', { userId: input.userIds, groupId: input.groupId }, options);
  }

  async gaggedMembers(groupId: string, options?: CallOptions): Promise<GaggedMember[]> {
    const body = await this.call('/group/user/gag/list.json', { groupId }, options);
    return listOf(body.users).map((user) => {
      const { userId, time } = user as { userId: unknown; time: unknown };
      return { userId: String(userId), time: String(time) };
    });
  }

  /** Mutes whole groups (1 to 20): only their whitelisted members may speak. */
  async banGroups(groupIds: readonly string[], options?: CallOptions): Promise<void> {
    assertBatch(groupIds, MODERATION_LIMITS.groupsPerCall, 'groups');
    await this.call('/group/ban/add.json', { groupId: groupIds }, options);
  }

  async unbanGroups(groupIds: readonly string[], options?: CallOptions): Promise<void> {
    assertBatch(groupIds, MODERATION_LIMITS.groupsPerCall, 'groups');
    await this.call('/group/ban/rollback.json', { groupId: groupIds }, options);
  }

  /** Which of these groups (1 to 20) are muted whole. */
  async bannedGroups(groupIds: readonly string[], options?: CallOptions): Promise<Set<string>> {
    assertBatch(groupIds, MODERATION_LIMITS.groupsPerCall, 'groups');
    const body = await this.call('/group/ban/query.json', { groupId: groupIds }, options);
    const banned = listOf(body.groupinfo).filter((group) => Number((group as { stat: unknown }).stat) === 1);
    return new Set(banned.map((group) => String((group as { groupId: unknown }).groupId)));
  }

  async whitelistMembers(input: { groupId: string; userIds: readonly string[] }, options?: CallOptions): Promise<void> {
    assertBatch(input.userIds, MODERATION_LIMITS.usersPerCall, 'users');
    await this.call('/group/user/ban/whitelist/add.json', { userId: input.userIds, groupId: input.groupId }, options);
  }

  async unwhitelistMembers(input: { groupId: string; userIds: readonly string[] }, options?: CallOptions): Promise<void> {
    assertBatch(input.userIds, MODERATION_LIMITS.usersPerCall, 'users');
    await this.call('/group/user/ban/whitelist/rollback.json', { userId: input.userIds, groupId: input.groupId }, options);
  }

  async whitelist(groupId: string, options?: CallOptions): Promise<string[]> {
    const body = await this.call('/group/user/ban/whitelist/query.json', { groupId }, options);
    return listOf(body.userIds).map(String);
  }
}

function assertBatch(items: readonly string[], max: number, what: string): void {
  if (items.length < 1 || items.length > max) throw new RangeError(`an IM moderation call takes 1 to ${max} ${what}, not ${items.length}`);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
