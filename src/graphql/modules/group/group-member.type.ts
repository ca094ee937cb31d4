import type { Member } from '../../../groups/entities.js';
import { InvalidInputError } from '../../../groups/errors.js';
import { builder } from '../../builder.js';
import { MemberRoleEnum } from './enums.js';

/**
 * A membership's own id is its group's id and its user's id: neither can hold a colon, so the
 * first colon splits them. Clients see it only inside the global id (`GroupMember.id`).
 */
export function memberNodeId(groupId: string, userId: string): string {
  return `${groupId}:${userId}`;
}

function parseMemberNodeId(id: string): { groupId: string; userId: string } {
  const at = id.indexOf(':');
  if (at < 1) throw new InvalidInputError([{ path: ['id'], message: 'not a GroupMember id: use `GroupMember.id` as the gateway gave it' }]);
  return { groupId: id.slice(0, at), userId: id.slice(at + 1) };
}

/** A Relay node, so that client caches (Apollo's InMemoryCache, urql's graphcache) keep one copy of each membership. */
export const GroupMember = builder.node(builder.objectRef<Member>('GroupMember'), {
  description: 'A user in a group: one membership, with its own global `id` (from the group and the user), readable by `node(id:)` by members of the group; the owner\'s by every signed-in user, as `Group.owner` is.',
  id: { resolve: (member) => memberNodeId(member.groupId, member.userId) },
  loadOne: (id, context) => {
    const { groupId, userId } = parseMemberNodeId(id);
    return context.reader.member(groupId, userId);
  },
  fields: (t) => ({
    userId: t.exposeString('userId', { description: "The user's id in the chat app." }),
    role: t.expose('role', { type: MemberRoleEnum, description: 'What the user may do in the group.' }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime', description: 'When the user joined.' }),
    nickname: t.exposeString('nickname', {
      nullable: true,
      description:
        "The member's nickname in this group (up to 32 characters), null when none: shown in the group's notices and in push notifications of their messages. " +
        'Set with `setGroupMemberNickname`.',
    }),
  }),
});
