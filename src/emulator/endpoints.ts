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

const createGroup = groupEndpoint((params, { state }) => {
  const userIds = readUserIds(params);
  const groupId = readGroupId(params);
  const groupName = readGroupName(params);
  state.join(groupId, userIds, groupName);
  return {};
});

const joinGroup = groupEndpoint((params, { state }) => {
  const userIds = readUserIds(params);
  const groupId = readGroupId(params);
  const groupName = readOptionalGroupName(params);
  state.join(groupId, userIds, groupName);
  return {};
});

const quitGroup = groupEndpoint((params, { state }) => {
  const userIds = readUserIds(params);
  state.quit(readGroupId(params), userIds);
  return {};
});

const dismissGroup = groupEndpoint((params, { state }) => {
  readSingleUserId(params); // the operator: any user may dismiss, but one must be named
  state.dismiss(readGroupId(params));
  return {};
});

const refreshGroup = groupEndpoint((params, { state }) => {
  const groupId = readGroupId(params);
  state.rename(groupId, readGroupName(params));
  return {};
});

const queryGroupMembers = groupEndpoint((params, { state }) => {
  const members = state.group(readGroupId(params))?.members ?? [];
  return { users: [...members].map((id) => ({ id })) };
});

const queryUserGroups = groupEndpoint((params, { state }) => {
  const userId = readSingleUserId(params);
  const page = readInteger(params, 'page', { min: 1, max: 1_000_000_000, fallback: 1 });
  const size = readInteger(params, 'size', { min: 1, max: 1000, fallback: 50 });
  return { groups: state.groupsOfUser(userId, page, size) };
});

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

/** One message to k groups costs k; a malformed target list still costs one call. */
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
    const content = parseJsonContent(readRequiredText(params, 'content'));
    const pushContent = readOptionalText(params, 'pushContent');
    for (const toGroupId of toGroupIds) {
      state.recordMessage({
        fromUserId,
        toGroupId,
        objectName,
        content,
        ...(pushContent === undefined ? {} : { pushContent }),
        at,
      });
    }
    return {};
  },
};

function parseJsonContent(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch {
    throw badParameter('content must be a JSON string');
  }
}

/** Every IM path the emulator serves, keyed by request path. */
export const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map([
  ['/group/create.json', createGroup],
  ['/group/join.json', joinGroup],
  ['/group/quit.json', quitGroup],
  ['/group/dismiss.json', dismissGroup],
  ['/group/refresh.json', refreshGroup],
  ['/group/user/query.json', queryGroupMembers],
  ['/user/group/query.json', queryUserGroups],
  ['/group/sync.json', syncUserGroups],
  ['/message/group/publish.json', publishGroupMessage],
]);
