import type { OutboxOperation } from './outbox/operations.js';

/** The group notification operations in common use with the IM Service's `RC:GrpNtf` message. */
export type NotificationOperation = 'Create' | 'Add' | 'Kicked' | 'Quit' | 'Rename' | 'Transfer' | 'Dismiss';

export interface NotificationInput {
  groupId: string;
  operation: NotificationOperation;
  operatorUserId: string;
  targetUserIds?: readonly string[];
  /** A human line clients may show as is. */
  message: string;
  /** Operation-specific facts, e.g. the new name. */
  details?: Record<string, unknown>;
}

/**
 * The IM Service sends no notice of its own for group changes: the gateway publishes an
 * `RC:GrpNtf` message after each one (before it, for `Kicked` and `Dismiss`, so that those
 * leaving still receive it).
 */
export function notification(sender: string, input: NotificationInput): OutboxOperation {
  return {
    kind: 'publishNotification',
    groupId: input.groupId,
    fromUserId: sender,
    objectName: 'RC:GrpNtf',
    content: {
      operatorUserId: input.operatorUserId,
      operation: input.operation,
      data: { operatorUserId: input.operatorUserId, targetUserIds: input.targetUserIds ?? [], ...input.details },
      message: input.message,
      extra: '',
    },
  };
}
