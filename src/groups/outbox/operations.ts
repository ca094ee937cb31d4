import { IM_LIMITS, type BoundNotice, type CallOptions, type ImClient } from '../../im/index.js';

/**
 * The IM operations the outbox carries. Each group call is idempotent, so a retry after a crash is
 * harmless; the notice a group call may carry (`notice`, sent bound to its last call) is not, so
 * it is offered at most once (see the dispatcher).
 */
export type OutboxOperation =
  | { kind: 'createGroup'; groupId: string; groupName: string; userIds: string[]; notice?: BoundNotice }
  | { kind: 'joinGroup'; groupId: string; userIds: string[]; notice?: BoundNotice }
  | { kind: 'quitGroup'; groupId: string; userIds: string[]; notice?: BoundNotice }
  | { kind: 'refreshGroup'; groupId: string; groupName: string; notice?: BoundNotice }
  | { kind: 'dismissGroup'; groupId: string; operatorUserId: string }
  /** A member's push alias in the group (their nickname), and its removal: both idempotent. */
  | { kind: 'setGroupRemark'; groupId: string; userId: string; remark: string }
  | { kind: 'deleteGroupRemark'; groupId: string; userId: string }
  | { kind: 'publishNotification'; groupId: string; fromUserId: string; objectName: string; content: unknown };

type Publish = Extract<OutboxOperation, { kind: 'publishNotification' }>;

/** One IM call of an operation; an operation's progress counts the steps already applied. `withNotice`: send the bound notice, if the step has one. */
export type Step = (im: ImClient, options: CallOptions, withNotice: boolean) => Promise<unknown>;

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
    // A bound notice rides the operation's last call: every user it names is then in the group
    // (or out of it) when it arrives, and a later chunk refused cannot follow a notice already sent.
    case 'createGroup': {
      const [first = [], ...rest] = chunk(operation.userIds);
      const { groupId, groupName } = operation;
      const last = rest.length;
      return [
        (im, options, withNotice) => im.createGroup({ groupId, groupName, userIds: first, notice: noticeIf(operation, withNotice && last === 0) }, options),
        ...rest.map<Step>((userIds, index) => (im, options, withNotice) =>
          im.joinGroup({ groupId, userIds, notice: noticeIf(operation, withNotice && index + 1 === last) }, options),
        ),
      ];
    }
    case 'joinGroup':
    case 'quitGroup': {
      const chunks = chunk(operation.userIds);
      const call = operation.kind === 'joinGroup' ? 'joinGroup' : 'quitGroup';
      return chunks.map((userIds, index) => (im, options, withNotice) =>
        im[call]({ groupId: operation.groupId, userIds, notice: noticeIf(operation, withNotice && index === chunks.length - 1) }, options),
      );
    }
    case 'refreshGroup':
      return [
        (im, options, withNotice) =>
          im.refreshGroup({ groupId: operation.groupId, groupName: operation.groupName, notice: noticeIf(operation, withNotice) }, options),
      ];
    case 'dismissGroup':
      return [(im, options) => im.dismissGroup({ groupId: operation.groupId, operatorUserId: operation.operatorUserId }, options)];
    case 'setGroupRemark':
      return [(im, options) => im.setGroupRemark({ groupId: operation.groupId, userId: operation.userId, remark: operation.remark }, options)];
    case 'deleteGroupRemark':
      return [(im, options) => im.deleteGroupRemark({ groupId: operation.groupId, userId: operation.userId }, options)];
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

function noticeIf(operation: { notice?: BoundNotice }, withNotice: boolean): BoundNotice | undefined {
  return withNotice ? operation.notice : undefined;
}

/** Whether the operation carries a notice bound to its last call. */
export function carriesNotice(operation: OutboxOperation): boolean {
  return 'notice' in operation && operation.notice !== undefined;
}

/**
 * The group call with the trailing notice that describes it bound to its last call, or null when
 * it cannot carry it: only create, join, quit and refresh take one here (a dismissal's notice and
 * a removal's lead their call: nothing says a bound message reaches the users the call removes),
 * and the call's form with the notice must stay under the IM Service's body limit. Counted at
 * worst (three bytes per byte once percent-encoded), so a notice naming many users stays a publish.
 */
export function bundled(call: OutboxOperation, notice: Publish): OutboxOperation | null {
  if (call.kind !== 'createGroup' && call.kind !== 'joinGroup' && call.kind !== 'quitGroup' && call.kind !== 'refreshGroup') return null;
  if (call.notice) return null;
  const bound: BoundNotice = { fromUserId: notice.fromUserId, objectName: notice.objectName, content: notice.content };
  const carryingUsers = 'userIds' in call ? chunk(call.userIds).at(-1) ?? [] : [];
  const texts = [call.groupId, 'groupName' in call ? call.groupName : '', bound.fromUserId, bound.objectName, JSON.stringify(bound.content), ...carryingUsers];
  // Each field's name, '=' and '&' come to well under 16 bytes.
  const worstBytes = texts.reduce((total, text) => total + 3 * Buffer.byteLength(text, 'utf8') + 16, 0);
  return worstBytes <= IM_LIMITS.requestBodyBytes ? { ...call, notice: bound } : null;
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
