import { displayText } from './display-text.js';
import type { WayIn } from './entities.js';
import type { OutboxOperation } from './outbox/operations.js';

/**
 * The operations the official client SDKs predefine for `RC:GrpNtf` (iOS
 * `GroupNotificationMessage_GroupOperation*`, Android `GroupNotificationMessage.GROUP_OPERATION_*`,
 * the Flutter plugin's `GROUP_OPERATION_*`): IMKit draws each of them itself and shows `message`
 * for any other (Android IMKit `GroupNotificationMessageItemProvider`), so the gateway sends no other.
 */
export const GROUP_OPERATIONS = ['Create', 'Add', 'Quit', 'Kicked', 'Rename', 'Bulletin', 'Dismiss'] as const;
export type GroupOperation = (typeof GROUP_OPERATIONS)[number];

/**
 * Changes no predefined operation describes travel as `RC:CmdNtf` (RCCommandNotificationMessage:
 * `name` and a free `data` string; stored and shown, not counted as unread), so that no client
 * meets an `RC:GrpNtf` operation it does not know. See README, "Group notices".
 */
export type CommandNotice = 'Transfer';

export interface NotificationInput {
  groupId: string;
  operation: GroupOperation | CommandNotice;
  operatorUserId: string;
  targetUserIds?: readonly string[];
  /** The group's name after the change (the new one for `Rename`). */
  groupName: string;
  /** When the change was made (ms since the epoch). */
  at: number;
  /** Members' nicknames in the group, by user id: the display name of each user the notice names (the id when absent). */
  displayNames?: Readonly<Record<string, string>>;
  /** `Bulletin` only: the new announcement (empty when it was cleared). */
  bulletin?: string;
  /** `Add` only: how the users came in, carried in `extra` (see `extraOf`). */
  joinedBy?: WayIn;
}

/**
 * What the vendor's demo app server (sealtalk-server, `sendGroupNotification`) put in `data`, and
 * what IMKit reads back (`GroupNotificationMessageData`): a user's display name is their nickname
 * in the group, or their id when they set none.
 */
interface NoticeData {
  operatorNickname: string;
  targetUserIds: string[];
  targetUserDisplayNames: string[];
  targetGroupName: string;
  timestamp: number;
  /** Transfer only, as IMKit's `GroupNotificationMessageData` names them. */
  oldCreatorId?: string;
  oldCreatorName?: string;
  newCreatorId?: string;
  newCreatorName?: string;
  /** Bulletin only: the announcement, under the name sealtalk-server's bulletin notice gave it (`content`). */
  content?: string;
}

/**
 * Message content is at most 128 KB at the IM Service, and the Node SDK's code list adds 1508,
 * "HTTP request body too large, should be under 100 k". A notice naming a thousand long ids twice
 * (ids and display names, escaped once more inside the `data` string) could pass either, so such a
 * notice is split into several, each naming part of the users. The safer reading: 32 KB of
 * content, which percent-encoded (at most three bytes per byte) keeps the whole body under 100 KB.
 */
const MAX_CONTENT_BYTES = 32 * 1024;
/** Names listed in `message` before "and N others". */
const NAMES_IN_MESSAGE = 10;

/**
 * The IM Service sends no notice of its own for group changes: the gateway publishes one after
 * each (before it, for `Kicked` and `Dismiss`, so that those leaving still receive it). Every
 * text a person chose is passed through `displayText` first. `data` is a JSON *string*: the
 * client classes declare it so (iOS `NSString *data`, Android `optString("data")`, Flutter
 * `String data`, which fails at runtime on an object).
 */
export function notifications(sender: string, input: NotificationInput): OutboxOperation[] {
  const targets = [...(input.targetUserIds ?? [])];
  const notice = (part: string[]) => publish(sender, input, part);
  return split(targets, notice).map(notice);
}

function split(targets: string[], notice: (part: string[]) => OutboxOperation): string[][] {
  const size = Buffer.byteLength(JSON.stringify((notice(targets) as { content: unknown }).content), 'utf8');
  if (size <= MAX_CONTENT_BYTES || targets.length < 2) return [targets];
  const half = Math.ceil(targets.length / 2);
  return [...split(targets.slice(0, half), notice), ...split(targets.slice(half), notice)];
}

function publish(sender: string, input: NotificationInput, targetUserIds: string[]): OutboxOperation {
  const nickname = (userId: string) => displayNameOf(userId, input.displayNames);
  const operator = nickname(input.operatorUserId);
  const data: NoticeData = {
    operatorNickname: operator,
    targetUserIds,
    targetUserDisplayNames: targetUserIds.map(nickname),
    targetGroupName: displayText(input.groupName, input.groupId),
    timestamp: input.at,
    ...(input.operation === 'Bulletin' ? { content: displayText(input.bulletin ?? '', '') } : {}),
  };
  const message = messageOf(input.operation, operator, data, input.operatorUserId, targetUserIds);
  const base = { kind: 'publishNotification', groupId: input.groupId, fromUserId: sender } as const;
  if (input.operation === 'Transfer') {
    const [newOwner = ''] = targetUserIds;
    const transfer = { ...data, oldCreatorId: input.operatorUserId, oldCreatorName: operator, newCreatorId: newOwner, newCreatorName: nickname(newOwner) };
    return { ...base, objectName: 'RC:CmdNtf', content: { name: 'Transfer', data: JSON.stringify({ ...transfer, message }) } };
  }
  return {
    ...base,
    objectName: 'RC:GrpNtf',
    content: { operatorUserId: input.operatorUserId, operation: input.operation, data: JSON.stringify(data), message, extra: extraOf(input) },
  };
}

/**
 * `extra` is the SDK classes' free string (iOS `extra`, Android `getExtra()`, Flutter `extra`),
 * which IMKit does not draw: an `Add` says there how its users came in, as JSON text
 * (`{"joinedBy":"INVITE_LINK"}`), so a client may word it its own way; IMKit still draws the
 * predefined `Add`. Other operations leave it empty, as before.
 */
function extraOf(input: NotificationInput): string {
  return input.operation === 'Add' && input.joinedBy ? JSON.stringify({ joinedBy: input.joinedBy }) : '';
}

/** A member's nickname when they set one (made safe like every chosen text), else their id. */
function displayNameOf(userId: string, displayNames: NotificationInput['displayNames']): string {
  const fallback = displayText(userId, '?');
  const chosen = displayNames?.[userId];
  return chosen === undefined ? fallback : displayText(chosen, fallback);
}

/** A line a client may show as is, built from display texts only. */
function messageOf(operation: NotificationInput['operation'], operator: string, data: NoticeData, operatorId: string, targetIds: readonly string[]): string {
  const names = listOf(data.targetUserDisplayNames);
  const group = `"${data.targetGroupName}"`;
  switch (operation) {
    case 'Create':
      return `${operator} created the group ${group}`;
    case 'Add':
      // Someone who came in on their own (an open group, an accepted invitation, a link) joined; nobody added them.
      return targetIds.length === 1 && targetIds[0] === operatorId ? `${operator} joined the group` : `${operator} added ${names}`;
    case 'Kicked':
      return `${operator} removed ${names}`;
    case 'Quit':
      return `${operator} left the group`;
    case 'Rename':
      return `${operator} renamed the group to ${group}`;
    case 'Bulletin':
      return data.content ? `${operator} updated the group announcement` : `${operator} cleared the group announcement`;
    case 'Dismiss':
      return `${operator} dismissed the group ${group}`;
    case 'Transfer':
      return `${operator} made ${names} the owner`;
  }
}

function listOf(names: readonly string[]): string {
  if (names.length <= NAMES_IN_MESSAGE) return names.join(', ');
  return `${names.slice(0, NAMES_IN_MESSAGE).join(', ')} and ${names.length - NAMES_IN_MESSAGE} others`;
}
