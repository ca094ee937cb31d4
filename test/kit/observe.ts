import { readNotice } from '../fixtures/notices.js';
import { emulatorGroup, emulatorLog, emulatorMessages, emulatorRemarks, type EmulatorAddress } from './emulator.js';

/** What the IM Service saw of the tests' requests, read through the kit's inspection client. */

/** The group's members at the IM Service, in join order; null when it does not have the group. */
export async function imMembers(emulator: EmulatorAddress, groupId: string): Promise<string[] | null> {
  return (await emulatorGroup(emulator, groupId))?.members ?? null;
}

export interface Notice {
  operation: string;
  operatorUserId: string;
  targetUserIds: string[];
  data: Record<string, unknown>;
}

/** The group notices (`RC:GrpNtf`, and `RC:CmdNtf` for a transfer) published to the group, in order, read as clients read them. */
export async function noticesTo(emulator: EmulatorAddress, groupId: string): Promise<Notice[]> {
  return (await emulatorMessages(emulator))
    .filter((message) => message.toGroupId === groupId && ['RC:GrpNtf', 'RC:CmdNtf'].includes(message.objectName))
    .map((message) => {
      const { operation, operatorUserId, targetUserIds, data } = readNotice(message);
      return { operation, operatorUserId, targetUserIds, data };
    });
}

let requestSequence = 0;

/** A request id to send as `x-request-id`, so the IM calls of that one request can be found. */
export function traced(): { requestId: string; headers: Record<string, string> } {
  requestSequence += 1;
  const requestId = `kit-${process.pid}-${requestSequence}`;
  return { requestId, headers: { 'x-request-id': requestId } };
}

/** The IM paths one request called, in order. */
export async function imCallsOf(emulator: EmulatorAddress, requestId: string): Promise<string[]> {
  return (await emulatorLog(emulator)).filter((entry) => entry.requestId === requestId).map((entry) => entry.path);
}

/** A member's push alias in the group at the IM Service (`/group/remarks/set.json`); null when none. */
export async function imRemark(emulator: EmulatorAddress, groupId: string, userId: string): Promise<string | null> {
  return (await emulatorRemarks(emulator)).find((alias) => alias.groupId === groupId && alias.userId === userId)?.remark ?? null;
}
