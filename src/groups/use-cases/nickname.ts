import { nothingToDo, type ChangeInput, type UseCase } from '../changes/change.js';
import { displayText } from '../display-text.js';
import type { MemberRole } from '../entities.js';
import { drafts } from '../events/drafts.js';
import { authorizeNicknameChange, authorizeNicknameClear } from '../permissions.js';

export interface SetMemberNicknameInput extends ChangeInput {
  groupId: string;
  /** Whose nickname; absent or null: the caller's own. */
  userId?: string | null;
  /** The new nickname; null clears it. */
  nickname: string | null;
}

/** What the IM Service is sent as a member's push alias: shown by phones' notification centres, so the same safe text as a notice's. */
export function pushAlias(nickname: string, userId: string): string {
  return displayText(nickname, userId);
}

/** The member as the change left them (JSON: the join time in epoch ms). */
export interface NicknameOutcome {
  groupId: string;
  userId: string;
  role: MemberRole;
  joinedAt: number;
  nickname: string | null;
  [key: string]: string | number | null;
}

/**
 * A member's nickname in one group: shown on `GroupMember`, as their display name in the notices
 * that name them, and sent to the IM Service as their per-group push alias (`/group/remarks/set.json`;
 * a clear is `/group/remarks/del.json`), so push notifications of their messages show it. No notice:
 * the SDKs predefine no operation for it.
 */
export const setGroupMemberNickname: UseCase<SetMemberNicknameInput, NicknameOutcome> = {
  name: 'setGroupMemberNickname',
  firstCall: () => 'group',
  async plan(change, { groupId, userId, nickname }) {
    const { actor } = await change.loadForChange(groupId);
    const targetId = userId ?? change.actorId;
    authorizeNicknameChange(actor?.role ?? null, change.actorId, targetId, nickname);
    const target = targetId === change.actorId ? actor! : await change.requireMember(groupId, targetId);
    if (targetId !== change.actorId) authorizeNicknameClear(actor!.role, target);
    const outcome: NicknameOutcome = { groupId, userId: targetId, role: target.role, joinedAt: target.joinedAt.getTime(), nickname };
    if (target.nickname === nickname) return nothingToDo(groupId, outcome);
    const { members } = change.stores;
    await members.setNickname(change.trx, groupId, targetId, nickname);
    return {
      groupId,
      steps: [
        {
          call:
            nickname === null
              ? { kind: 'deleteGroupRemark', groupId, userId: targetId }
              : { kind: 'setGroupRemark', groupId, userId: targetId, remark: pushAlias(nickname, targetId) },
        },
      ],
      events: [drafts.nicknameChanged(targetId, nickname)],
      undo: (trx) => members.setNickname(trx, groupId, targetId, target.nickname),
      outcome,
    };
  },
};
