import type { ChangeContext, Json, Plan, Step } from '../changes/change.js';
import { drafts } from '../events/drafts.js';
import type { EventDraft } from '../events/event.js';
import type { Group, Member, WayIn } from '../entities.js';
import { MemberLimitExceededError } from '../errors.js';

/** What letting users in wrote, ready for a plan: its steps, and how to take it back. */
export interface Admission {
  steps: Step[];
  /** `MembersAdded`, with the way in. */
  events: EventDraft[];
  undo: Plan<Json>['undo'];
}

/**
 * The one core of every way in (`addGroupMembers`, an approved request, an accepted invitation,
 * an invite link, an open group): the member cap, the rows, the count, the user's pending request
 * and invitation answered by the membership, then one `joinGroup` call carrying the `Add` notice
 * (with the way in, `joinedBy`, as is the `MembersAdded` event). Call it after `change.loadForChange(group.groupId)`: on
 * PostgreSQL the group's row is then locked until commit, so two changes racing for the last
 * seats run one after the other and the second sees the first's count (SQLite has one writer).
 * `newcomers` are users not yet in the group, without duplicates.
 */
export async function admit(
  change: ChangeContext,
  group: Group,
  newcomers: readonly string[],
  /** `operator`: the member who let them in (their nickname names them in the notice); none when the user came in on their own. */
  way: { joinedBy: WayIn; operatorUserId: string; operator?: Member | null },
): Promise<Admission> {
  const total = group.memberCount + newcomers.length;
  if (total > change.settings.maxMembers) throw new MemberLimitExceededError(change.settings.maxMembers, total);
  const { groupId } = group;
  const { groups, members, joinRequests, invitations } = change.stores;
  // A membership answers the user's pending request and invitation, however they came in.
  const requests = await joinRequests.find(change.trx, groupId, newcomers);
  const invited = await invitations.find(change.trx, groupId, newcomers);
  await joinRequests.remove(change.trx, groupId, requests.map((request) => request.userId));
  await invitations.remove(change.trx, groupId, invited.map((invitation) => invitation.userId));
  await members.add(change.trx, groupId, newcomers, Date.now());
  await groups.adjustMemberCount(change.trx, groupId, newcomers.length);
  return {
    steps: [
      { call: { kind: 'joinGroup', groupId, userIds: [...newcomers] } },
      { notice: { operation: 'Add', operatorUserId: way.operatorUserId, targetUserIds: newcomers, groupName: group.name, joinedBy: way.joinedBy, displayNames: change.displayNames([way.operator ?? null]) } },
    ],
    events: [drafts.membersAdded(newcomers, way.joinedBy)],
    undo: async (trx) => {
      await members.remove(trx, groupId, newcomers);
      await groups.adjustMemberCount(trx, groupId, -newcomers.length);
      await joinRequests.restore(trx, requests);
      await invitations.restore(trx, invited);
    },
  };
}
