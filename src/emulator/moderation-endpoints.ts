import type { Endpoint } from './endpoints.js';
import { badParameter } from './im-error.js';
import { checkGroupId, checkUserId, readGroupId, readInteger } from './params.js';

/**
 * The group moderation endpoints, with the vendor's parameters and limits (sources in
 * src/im/README.md): the Go SDK v4 `rongcloud/group.go` (gag: at most 20 `userId` per call,
 * `minute` at most 43 200, 0 for a permanent gag; `users: [{ userId, time }]` listed), the Python
 * SDK `rongcloud/group.py` (ban and whitelist: 1 to 20 `groupId` or `userId` per call; the
 * whitelist answered as `userIds`) and the Node SDK `rongcloud-sdk` (ban query: `groupinfo:
 * [{ groupId, stat }]`). A broken rule is code 1002, as for every other parameter here (the
 * vendor's own code for these cases is not published).
 */
const USERS_PER_CALL = 20;
const GROUPS_PER_CALL = 20;
const MAX_GAG_MINUTES = 43_200;

function moderationEndpoint(run: Endpoint['run']): Endpoint {
  return { rateClass: 'group', cost: () => 1, run };
}

/** `userId` repeated 1 to 20 times. */
function readModeratedUsers(params: URLSearchParams): string[] {
  const userIds = params.getAll('userId');
  if (userIds.length < 1 || userIds.length > USERS_PER_CALL) throw badParameter(`userId must be given 1 to ${USERS_PER_CALL} times, got ${userIds.length}`);
  for (const userId of userIds) checkUserId(userId);
  return userIds;
}

/** `groupId` repeated `min` to 20 times. */
function readGroupIds(params: URLSearchParams, min: number): string[] {
  const groupIds = params.getAll('groupId');
  if (groupIds.length < min || groupIds.length > GROUPS_PER_CALL) throw badParameter(`groupId must be given ${min} to ${GROUPS_PER_CALL} times, got ${groupIds.length}`);
  for (const groupId of groupIds) checkGroupId(groupId);
  return groupIds;
}

/**
 * The vendor words a gag's end as "YYYY-MM-DD HH:MM:SS" in its data center's time zone (Beijing
 * time in China, UTC abroad: the Go SDK's `GagUser.Time`); the emulator plays a data center abroad.
 * How a permanent gag is listed is not published: an empty time here.
 */
function gagTime(until: number | null): string {
  return until === null ? '' : new Date(until).toISOString().slice(0, 19).replace('T', ' ');
}

// The vendor also takes a gag without `groupId` (every group of the user); the gateway always
// names its group, and the emulator refuses what it does not model.
const gagAdd = moderationEndpoint((params, { state, at }) => {
  const userIds = readModeratedUsers(params);
  const groupId = readGroupId(params);
  if (!params.has('minute')) throw badParameter('minute is required');
  const minutes = readInteger(params, 'minute', { min: 0, max: MAX_GAG_MINUTES, fallback: 0 });
  state.moderation.gag(groupId, userIds, minutes === 0 ? null : at + minutes * 60_000);
  return {};
});

const gagRollback = moderationEndpoint((params, { state }) => {
  const userIds = readModeratedUsers(params);
  state.moderation.ungag(readGroupId(params), userIds);
  return {};
});

const gagList = moderationEndpoint((params, { state, at }) => ({
  users: state.moderation.gagged(readGroupId(params), at).map(({ userId, until }) => ({ userId, time: gagTime(until) })),
}));

const banAdd = moderationEndpoint((params, { state }) => {
  state.moderation.setBanned(readGroupIds(params, 1), true);
  return {};
});

const banRollback = moderationEndpoint((params, { state }) => {
  state.moderation.setBanned(readGroupIds(params, 1), false);
  return {};
});

/** Without `groupId`: every banned group; with 1 to 20: each of them, `stat` 1 when banned, 0 when not. */
const banQuery = moderationEndpoint((params, { state }) => {
  const groupIds = readGroupIds(params, 0);
  const named = groupIds.length > 0 ? groupIds : state.moderation.bannedGroups();
  return { groupinfo: named.map((groupId) => ({ groupId, stat: state.moderation.isBanned(groupId) ? 1 : 0 })) };
});

const whitelistAdd = moderationEndpoint((params, { state }) => {
  const userIds = readModeratedUsers(params);
  state.moderation.addToWhitelist(readGroupId(params), userIds);
  return {};
});

const whitelistRollback = moderationEndpoint((params, { state }) => {
  const userIds = readModeratedUsers(params);
  state.moderation.removeFromWhitelist(readGroupId(params), userIds);
  return {};
});

const whitelistQuery = moderationEndpoint((params, { state }) => ({ userIds: state.moderation.whitelist(readGroupId(params)) }));

export const MODERATION_ENDPOINTS: ReadonlyArray<[string, Endpoint]> = [
  ['/group/user/gag/add.json', gagAdd],
  ['/group/user/gag/rollback.json', gagRollback],
  ['/group/user/gag/list.json', gagList],
  ['/group/ban/add.json', banAdd],
  ['/group/ban/rollback.json', banRollback],
  ['/group/ban/query.json', banQuery],
  ['/group/user/ban/whitelist/add.json', whitelistAdd],
  ['/group/user/ban/whitelist/rollback.json', whitelistRollback],
  ['/group/user/ban/whitelist/query.json', whitelistQuery],
];
