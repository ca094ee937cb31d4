import type { Logger } from 'pino';
import type { BackoffPolicy } from './backoff.js';
import { ImCaller, type CallOptions } from './caller.js';
import type { CallLimiter, LimiterStats } from './rate-limit.js';
import type { ImObserver } from './observer.js';
import type { Credentials } from './sign.js';
import { ImRejectedError } from './errors.js';
import { ImTransport } from './transport.js';

export type { CallOptions } from './caller.js';

/** The IM Service's own bounds, enforced before anything is sent. */
export const IM_LIMITS = {
  usersPerCall: 1000,
  membersPerGroup: 3000,
  groupsPerPublish: 3,
  userGroupsPageSize: 1000,
  /** Message content, in UTF-8 bytes (the vendor's PHP server SDK: "单条消息最大 128k"). */
  messageContentBytes: 128 * 1024,
  /** A request body "should be under 100 k" (the Node SDK's code list, 1508): what a bound notice and its call share. */
  requestBodyBytes: 100 * 1024,
} as const;

export interface ImLimiters {
  /** Every `/group/*` and `/user/group/query` call: 100 per second. */
  group: CallLimiter;
  /** `/message/group/publish`: 20 per second, one unit per target group. */
  publish: CallLimiter;
}

export interface ImClientOptions {
  credentials: Credentials;
  /** Primary first, then the backup. */
  baseUrls: readonly string[];
  limiters: ImLimiters;
  logger: Logger;
  attemptTimeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  failbackAfterMs?: number;
  connectionsPerOrigin?: number;
  observer?: ImObserver;
}

export interface GroupMembership {
  groupId: string;
  userIds: readonly string[];
}

export interface GroupMessage {
  fromUserId: string;
  /** One to three groups; each costs one unit of the publish budget. */
  toGroupIds: readonly string[];
  objectName: string;
  /** Serialized as the JSON string the IM Service expects. */
  content: unknown;
  pushContent?: string;
  pushData?: string;
  isPersisted?: boolean;
  isIncludeSender?: boolean;
  disablePush?: boolean;
}

/**
 * A message bound to a group call (`bindNotifyMsg`): the IM Service sends it to the group as the
 * call takes effect, answering its `messageUID`. Only the fields the vendor's Go SDK requires are
 * sent (it refuses a bound message without them, 1002); the rest take the service's defaults, as
 * a publish's do. See src/im/README.md.
 */
export interface BoundNotice {
  fromUserId: string;
  objectName: string;
  /** Serialized as the JSON string the IM Service expects. */
  content: unknown;
}

export interface UserGroup {
  id: string;
  name: string;
}

/** One typed method per IM Service endpoint the gateway uses. Knows nothing of group business rules. */
export class ImClient {
  private readonly transport: ImTransport;
  private readonly caller: ImCaller;
  private readonly limiters: ImLimiters;

  constructor(options: ImClientOptions) {
    this.transport = new ImTransport(options.credentials, options.connectionsPerOrigin);
    this.caller = new ImCaller({ ...options, transport: this.transport });
    this.limiters = options.limiters;
  }

  /**
   * Creates the group, or adds the users when it exists (create is an alias of join). Each group
   * call may carry a bound notice: then it answers the notice's `messageUID` (null without one).
   */
  async createGroup(input: GroupMembership & { groupName: string; notice?: BoundNotice }, options?: CallOptions): Promise<string | null> {
    assertUserBatch(input.userIds);
    return this.boundCall('/group/create.json', { userId: input.userIds, groupId: input.groupId, groupName: input.groupName }, input.notice, options);
  }

  /** Adds users; a `groupName` also updates the name shown in push notifications. */
  async joinGroup(input: GroupMembership & { groupName?: string; notice?: BoundNotice }, options?: CallOptions): Promise<string | null> {
    assertUserBatch(input.userIds);
    return this.boundCall('/group/join.json', { userId: input.userIds, groupId: input.groupId, groupName: input.groupName }, input.notice, options);
  }

  async quitGroup(input: GroupMembership & { notice?: BoundNotice }, options?: CallOptions): Promise<string | null> {
    assertUserBatch(input.userIds);
    return this.boundCall('/group/quit.json', { userId: input.userIds, groupId: input.groupId }, input.notice, options);
  }

  async dismissGroup(input: { groupId: string; operatorUserId: string; notice?: BoundNotice }, options?: CallOptions): Promise<string | null> {
    return this.boundCall('/group/dismiss.json', { userId: input.operatorUserId, groupId: input.groupId }, input.notice, options);
  }

  /** Changes the name shown in push notifications. */
  async refreshGroup(input: { groupId: string; groupName: string; notice?: BoundNotice }, options?: CallOptions): Promise<string | null> {
    return this.boundCall('/group/refresh.json', { groupId: input.groupId, groupName: input.groupName }, input.notice, options);
  }

  /**
   * A member's push alias in one group: push notifications of their messages there show it
   * (`/group/remarks/set.json`, `userId`, `groupId`, `remark`, all required; docs.rongcloud.io
   * "Set Group Member Push Alias"; server-sdk-go `GroupRemarksSet`). Setting it again overwrites it.
   */
  async setGroupRemark(input: { groupId: string; userId: string; remark: string }, options?: CallOptions): Promise<void> {
    if (input.remark.length === 0) throw new RangeError('a push alias cannot be empty: delete it instead');
    await this.group('/group/remarks/set.json', { userId: input.userId, groupId: input.groupId, remark: input.remark }, options);
  }

  /** Removes a member's push alias in one group (`/group/remarks/del.json`, `userId`, `groupId`). */
  async deleteGroupRemark(input: { groupId: string; userId: string }, options?: CallOptions): Promise<void> {
    await this.group('/group/remarks/del.json', { userId: input.userId, groupId: input.groupId }, options);
  }

  /** A member's push alias in one group, null when none (`/group/remarks/get.json` answers `remark`). */
  async queryGroupRemark(input: { groupId: string; userId: string }, options?: CallOptions): Promise<string | null> {
    const body = await this.group('/group/remarks/get.json', { userId: input.userId, groupId: input.groupId }, options);
    return typeof body.remark === 'string' && body.remark.length > 0 ? body.remark : null;
  }

  async queryGroupMembers(groupId: string, options?: CallOptions): Promise<string[]> {
    const body = await this.group('/group/user/query.json', { groupId }, options);
    return listOf(body.users).map((user) => String((user as { id: unknown }).id));
  }

  async queryUserGroups(input: { userId: string; page?: number; size?: number }, options?: CallOptions): Promise<UserGroup[]> {
    if (input.size !== undefined && (input.size < 1 || input.size > IM_LIMITS.userGroupsPageSize)) {
      throw new RangeError(`size must be from 1 to ${IM_LIMITS.userGroupsPageSize}`);
    }
    const body = await this.group('/user/group/query.json', { userId: input.userId, page: input.page, size: input.size }, options);
    return listOf(body.groups).map((group) => {
      const { id, name } = group as { id: unknown; name: unknown };
      return { id: String(id), name: String(name) };
    });
  }

  /** Replaces the user's whole group list on the IM Service: a reconcile tool. */
  async syncUserGroups(input: { userId: string; groups: readonly UserGroup[] }, options?: CallOptions): Promise<void> {
    const params: Record<string, string> = { userId: input.userId };
    for (const group of input.groups) params[`group[${group.id}]`] = group.name;
    await this.group('/group/sync.json', params, options);
  }

  async publishGroupMessage(message: GroupMessage, options?: CallOptions): Promise<void> {
    const targets = message.toGroupIds.length;
    if (targets < 1 || targets > IM_LIMITS.groupsPerPublish) {
      throw new RangeError(`a message goes to 1 to ${IM_LIMITS.groupsPerPublish} groups, not ${targets}`);
    }
    const content = contentOf('/message/group/publish.json', message.content);
    const params = {
      fromUserId: message.fromUserId,
      toGroupId: message.toGroupIds,
      objectName: message.objectName,
      content,
      pushContent: message.pushContent,
      pushData: message.pushData,
      isPersisted: flag(message.isPersisted),
      isIncludeSender: flag(message.isIncludeSender),
      disablePush: message.disablePush,
    };
    // No deduplication key exists for a publish (see the outbox dispatcher): at most once.
    await this.caller.call(
      { path: '/message/group/publish.json', params, limiter: this.limiters.publish, weight: targets, noRepeatAfterAmbiguous: true, needsFullAttempt: true },
      options,
    );
  }

  /** Each rate class's queue and slots in use, for metrics. */
  limiterStats(): Record<keyof ImLimiters, LimiterStats> {
    return { group: this.limiters.group.stats(), publish: this.limiters.publish.stats() };
  }

  /**
   * Would `units` of a rate class's budget, asked for now, start after `deadlineAt`? The ms to come
   * back after when they would, null when they would start in time. It is the limiter's own
   * shedding rule, for a caller that must decide before it writes anything.
   */
  wouldWaitPast(rateClass: keyof ImLimiters, units: number, deadlineAt: number): number | null {
    return this.limiters[rateClass].wouldWaitPast(units, deadlineAt);
  }

  /** Stops the limiters (queued calls are dropped) and closes the connection pools. */
  async close(): Promise<void> {
    await Promise.all([this.limiters.group.stop(), this.limiters.publish.stop()]);
    await this.transport.close();
  }

  private group(path: string, params: Record<string, string | readonly string[] | number | undefined>, options?: CallOptions) {
    return this.caller.call({ path, params, limiter: this.limiters.group }, options);
  }

  /**
   * A group call, with its bound notice if any. The notice costs the group call's slot only (an
   * assumption: src/im/README.md). A bound call is never repeated after an attempt that may have
   * acted (the notice could go twice), but needs no full attempt to start: its caller repeats it
   * later without the notice.
   */
  private async boundCall(path: string, params: Record<string, string | readonly string[] | undefined>, notice: BoundNotice | undefined, options?: CallOptions) {
    if (!notice) {
      await this.group(path, params, options);
      return null;
    }
    const bound = { ...params, bindNotifyMsg: 'true', fromUserId: notice.fromUserId, objectName: notice.objectName, content: contentOf(path, notice.content) };
    const body = await this.caller.call({ path, params: bound, limiter: this.limiters.group, noRepeatAfterAmbiguous: true }, options);
    return typeof body.messageUID === 'string' ? body.messageUID : null;
  }
}

/** Message content as the JSON string the IM Service expects; over 128 KB it is refused here as the service would (1005), without spending a call. */
function contentOf(path: string, content: unknown): string {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  if (Buffer.byteLength(text, 'utf8') > IM_LIMITS.messageContentBytes) {
    throw new ImRejectedError(path, 1005, null, `content is longer than ${IM_LIMITS.messageContentBytes} bytes`);
  }
  return text;
}

function assertUserBatch(userIds: readonly string[]): void {
  if (userIds.length < 1 || userIds.length > IM_LIMITS.usersPerCall) {
    throw new RangeError(`an IM call takes 1 to ${IM_LIMITS.usersPerCall} users, not ${userIds.length}`);
  }
}

/** The IM Service takes 0/1 for these flags. */
function flag(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? '1' : '0';
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
