import { IM_LIMITS, type CallOptions, type ImClient } from '../../im/index.js';

/** The IM operations the outbox carries. Each is idempotent, so a retry after a crash is harmless. */
export type OutboxOperation =
  | { kind: 'createGroup'; groupId: string; groupName: string; userIds: string[] }
  | { kind: 'joinGroup'; groupId: string; userIds: string[] }
  | { kind: 'quitGroup'; groupId: string; userIds: string[] }
  | { kind: 'refreshGroup'; groupId: string; groupName: string }
  | { kind: 'dismissGroup'; groupId: string; operatorUserId: string }
  | { kind: 'publishNotification'; groupId: string; fromUserId: string; objectName: string; content: unknown };

/** One IM call of an operation; an operation's progress counts the steps already applied. */
export type Step = (im: ImClient, options: CallOptions) => Promise<void>;

/** Notifications never fail the change they describe, and do not make a group PENDING. */
export function isNotification(operation: OutboxOperation): boolean {
  return operation.kind === 'publishNotification';
}

/**
 * The IM calls of an operation. The IM Service takes at most 1000 users per call: a create
 * of more is one create of the first 1000 and joins of the rest; joins and quits are chunked.
 */
export function stepsOf(operation: OutboxOperation): Step[] {
  switch (operation.kind) {
    case 'createGroup': {
      const [first = [], ...rest] = chunk(operation.userIds);
      const { groupId, groupName } = operation;
      return [
        (im, options) => im.createGroup({ groupId, groupName, userIds: first }, options),
        ...rest.map<Step>((userIds) => (im, options) => im.joinGroup({ groupId, userIds }, options)),
      ];
    }
    case 'joinGroup':
      return chunk(operation.userIds).map((userIds) => (im, options) => im.joinGroup({ groupId: operation.groupId, userIds }, options));
    case 'quitGroup':
      return chunk(operation.userIds).map((userIds) => (im, options) => im.quitGroup({ groupId: operation.groupId, userIds }, options));
    case 'refreshGroup':
      return [(im, options) => im.refreshGroup({ groupId: operation.groupId, groupName: operation.groupName }, options)];
    case 'dismissGroup':
      return [(im, options) => im.dismissGroup({ groupId: operation.groupId, operatorUserId: operation.operatorUserId }, options)];
    case 'publishNotification':
      return [
        (im, options) =>
          im.publishGroupMessage(
            { fromUserId: operation.fromUserId, toGroupIds: [operation.groupId], objectName: operation.objectName, content: operation.content },
            options,
          ),
      ];
  }
}

/** How many group-class IM calls an operation needs: the limiter's projection is asked for that many. */
export function groupCallCount(operation: OutboxOperation): number {
  return isNotification(operation) ? 0 : stepsOf(operation).length;
}

/**
 * What undoes the first `progress` steps at the IM Service, when the IM Service refused a
 * later step of a change the store has already undone. Null when nothing reached it.
 */
export function compensationFor(operation: OutboxOperation, progress: number): OutboxOperation | null {
  if (progress === 0) return null;
  const applied = chunk('userIds' in operation ? operation.userIds : []).slice(0, progress).flat();
  switch (operation.kind) {
    case 'createGroup':
      return { kind: 'dismissGroup', groupId: operation.groupId, operatorUserId: operation.userIds[0]! };
    case 'joinGroup':
      return { kind: 'quitGroup', groupId: operation.groupId, userIds: applied };
    case 'quitGroup':
      return { kind: 'joinGroup', groupId: operation.groupId, userIds: applied };
    default:
      return null;
  }
}

function chunk<T>(items: readonly T[], size: number = IM_LIMITS.usersPerCall): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
