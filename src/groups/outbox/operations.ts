import { IM_LIMITS, type CallOptions, type ImClient } from '../../im/index.js';

/** The IM operations the outbox carries. Each is idempotent, so a retry after a crash is harmless. */
export type OutboxOperation =
  | { kind: 'createGroup'; groupId: string; groupName: string; userIds: string[] }
  | { kind: 'dismissGroup'; groupId: string; operatorUserId: string };

/** One IM call of an operation; an operation's progress counts the steps already applied. */
export type Step = (im: ImClient, options: CallOptions) => Promise<void>;

/**
 * A create with more than 1000 members is one create of the first 1000 and joins of the
 * rest, 1000 at a time: the IM Service takes at most 1000 users per call.
 */
export function stepsOf(operation: OutboxOperation): Step[] {
  switch (operation.kind) {
    case 'createGroup': {
      const [first = [], ...rest] = chunk(operation.userIds, IM_LIMITS.usersPerCall);
      const { groupId, groupName } = operation;
      return [
        (im, options) => im.createGroup({ groupId, groupName, userIds: first }, options),
        ...rest.map<Step>((userIds) => (im, options) => im.joinGroup({ groupId, userIds }, options)),
      ];
    }
    case 'dismissGroup':
      return [(im, options) => im.dismissGroup({ groupId: operation.groupId, operatorUserId: operation.operatorUserId }, options)];
  }
}

/** How many group-class IM calls an operation needs: the limiter's projection is asked for that many. */
export function callCount(operation: OutboxOperation): number {
  return stepsOf(operation).length;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
