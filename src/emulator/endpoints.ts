import { deliverBound, newMessageUid, readBoundMessage, readContent } from './bound-notice.js';
import { badParameter } from './im-error.js';
import {
  checkGroupId,
  checkGroupName,
  readGroupId,
  readGroupName,
  readInteger,
  readOptionalGroupName,
  readOptionalText,
  readRequiredText,
  readSingleUserId,
  readUserIds,
} from './params.js';
import type { EmulatorState } from './state.js';

export type RateClass = 'group' | 'publish';

export interface CallContext {
  state: EmulatorState;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

/** Extra fields merged into the `{"code":200}` success body. */
export type SuccessFields = Record<string, unknown>;

export interface Endpoint {
  rateClass: RateClass;
  /** How much of the rate window the call uses; read before the parameters are checked. */
  cost(params: URLSearchParams): number;
  /** Checks every parameter rule first and throws before any change, then applies the call. */
  run(params: URLSearchParams, context: CallContext): SuccessFields;
}

const MAX_PUBLISH_TARGETS = 3;
const SYNC_KEY = /^group\[(.*)\]$/s;

const costsOne = (): number => 1;

function groupEndpoint(run: Endpoint['run']): Endpoint {
  return { rateClass: 'group', cost: costsOne, run };
}

// Create, join, quit, dismiss and refresh may carry a bound message (bound-notice.ts): read and
// checked with the other parameters, recorded once the call has taken effect.
const createGroup = groupEndpoint((params, { state, at }) => {
  const userIds = readUserIds(params);
  const groupId = readGroupId(params);
  const groupName = readGroupName(params);
  const bound = readBoundMessage(params);
  state.join(groupId, userIds, groupName);
  return deliverBound(state, groupId, bound, at);
});

const joinGroup = groupEndpoint((params, { state, at }) => {
  const userIds = readUserIds(params);
  const groupId = readGroupId(params);
  const groupName = readOptionalGroupName(params);
  const bound = readBoundMessage(params);
  state.join(groupId, userIds, groupName);
  return deliverBound(state, groupId, bound, at);
});

const quitGroup = groupEndpoint((params, { state, at }) => {
  const userIds = readUserIds(params);
  const groupId = readGroupId(params);
  const bound = readBoundMessage(params);
  state.quit(groupId, userIds);
  return deliverBound(state, groupId, bound, at);
});

const dismissGroup = groupEndpoint((params, { state, at }) => {
  readSingleUserId(params); // the operator: any user may dismiss, but one must be named
  const groupId = readGroupId(params);
  const bound = readBoundMessage(params);
  state.dismiss(groupId);
  return deliverBound(state, groupId, bound, at);
});

const refreshGroup = groupEndpoint((params, { state, at }) => {
  const groupId = readGroupId(params);
  const groupName = readGroupName(params);
  const bound = readBoundMessage(params);
  state.rename(groupId, groupName);
  return deliverBound(state, groupId, bound, at);
});

/**
 * Group member push aliases (docs.rongcloud.io "Set/Delete/Query Group Member Push Alias"; the Go,
 * Java and Rust server SDKs): `userId` and `groupId` on all three, `remark` on set, each required
 * (1002 without, as the SDKs' own checks answer); set overwrites; get answers `remark`. The group
 * need not exist here: the docs tie an alias to a user and a group id, not to a membership. No
 * length limit is published: the gateway sends at most 32 characters.
 */
const setGroupRemark = groupEndpoint((params, { state }) => {
  const userId = readSingleUserId(params);
  const groupId = readGroupId(params);
  const remark = readRequiredText(params, 'remark');
  state.setRemark(groupId, userId, remark);
  return {};
});

const deleteGroupRemark = groupEndpoint((params, { state }) => {
  const userId = readSingleUserId(params);
  state.deleteRemark(readGroupId(params), userId);
  return {};
});

/** With no alias set: `remark` empty (an assumption; the docs show only a set one). */
const queryGroupRemark = groupEndpoint((params, { state }) => {
  const userId = readSingleUserId(params);
  return { remark: state.remark(readGroupId(params), userId) ?? '' };
});

const queryGroupMembers = groupEndpoint((params, { state }) => {
  const members = state.group(readGroupId(params))?.members ?? [];
  return { users: [...members].map((id) => ({ id })) };
});

/**
 * `page` omitted (or 0): the first 5000 of the user's groups, `size` ignored; with a page, `size`
 * (default 50, at most 1000) per page. After the service's docs for "query a user's groups" as
 * the repository's im-api.md gathers them; see the IM port's README (confirmed vs assumed behaviours).
 */
const UNPAGED_USER_GROUPS = 5000;

const queryUserGroups = groupEndpoint((params, { state }) => {
  const userId = readSingleUserId(params);
  const page = readInteger(params, 'page', { min: 0, max: 1_000_000_000, fallback: 0 });
  // A bad size is refused even where it would be ignored: the stricter reading.
  const size = readInteger(params, 'size', { min: 1, max: 1000, fallback: 50 });
  if (page === 0) return { groups: state.groupsOfUser(userId, 1, UNPAGED_USER_GROUPS) };
  return { groups: state.groupsOfUser(userId, page, size) };
});

/**
 * The groups travel as `group[<groupId>]=<name>` keys, as the vendor's SDKs send them (Node
 * `rongcloud-sdk` Group.sync: `'group[{{id}}]'`, its key percent-encoded; others send the brackets
 * raw): form decoding makes both the same key here.
 */
const syncUserGroups = groupEndpoint((params, { state }) => {
  const userId = readSingleUserId(params);
  const wanted = new Map<string, string>();
  for (const [key, name] of params) {
    const match = SYNC_KEY.exec(key);
    if (!match) continue;
    const groupId = checkGroupId(match[1] ?? '', key);
    if (wanted.has(groupId)) throw badParameter(`${key} is given more than once`);
    wanted.set(groupId, checkGroupName(name, key));
  }
  state.syncUser(userId, wanted);
  return {};
});

/**
 * One message to k groups costs k; a malformed target list still costs one call. Publish answers
 * `messageUIDs`, one `{ groupId, messageUID }` per target group (see the IM port's README).
 */
function publishCost(params: URLSearchParams): number {
  const targets = params.getAll('toGroupId').length;
  return targets >= 1 && targets <= MAX_PUBLISH_TARGETS ? targets : 1;
}

const publishGroupMessage: Endpoint = {
  rateClass: 'publish',
  cost: publishCost,
  run(params, { state, at }) {
    const fromUserId = readSingleUserId(params, 'fromUserId');
    const toGroupIds = params.getAll('toGroupId');
    if (toGroupIds.length < 1 || toGroupIds.length > MAX_PUBLISH_TARGETS) {
      throw badParameter(`toGroupId must be given 1 to ${MAX_PUBLISH_TARGETS} times, got ${toGroupIds.length}`);
    }
    for (const groupId of toGroupIds) checkGroupId(groupId, 'toGroupId');
    const objectName = readRequiredText(params, 'objectName');
    const content = readContent(readRequiredText(params, 'content'));
    const pushContent = readOptionalText(params, 'pushContent');
    const messageUIDs: Array<{ groupId: string; messageUID: string }> = [];
    for (const toGroupId of toGroupIds) {
      messageUIDs.push({ groupId: toGroupId, messageUID: newMessageUid() });
      state.recordMessage({
        fromUserId,
        toGroupId,
        objectName,
        content,
        ...(pushContent === undefined ? {} : { pushContent }),
        at,
      });
    }
    return { messageUIDs };
  },
};

/** Every IM path the emulator serves, keyed by request path. */
export const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map([
  ['/group/create.json', createGroup],
  ['/group/join.json', joinGroup],
  ['/group/quit.json', quitGroup],
  ['/group/dismiss.json', dismissGroup],
  ['/group/refresh.json', refreshGroup],
  ['/group/user/query.json', queryGroupMembers],
  ['/group/remarks/set.json', setGroupRemark],
  ['/group/remarks/del.json', deleteGroupRemark],
  ['/group/remarks/get.json', queryGroupRemark],
  ['/user/group/query.json', queryUserGroups],
  ['/group/sync.json', syncUserGroups],
  ['/message/group/publish.json', publishGroupMessage],
]);
