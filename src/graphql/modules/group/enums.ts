import { builder } from '../../builder.js';

export const SyncStatusEnum = builder.enumType('SyncStatus', {
  description: 'Whether the IM Service already knows the group as the gateway stores it.',
  values: {
    SYNCED: { description: 'The IM Service has the group and its members: chat works.' },
    PENDING: { description: 'Stored here; the IM Service is being brought in step and will be shortly.' },
    FAILED: {
      description:
        'A change did not reach the IM Service: it refused it for good, or the gateway gave it up after its last try ' +
        '(the IM Service kept answering "try again"). See `syncError`; an operator repairs it.',
    },
  } as const,
});

export const MemberRoleEnum = builder.enumType('MemberRole', {
  description: "A member's role in a group.",
  values: {
    OWNER: { description: 'Created the group or received it; one per group. Manages everything, dismisses the group.' },
    ADMIN: { description: 'Adds and removes members (not the owner or other admins) and renames the group.' },
    MEMBER: { description: 'Takes part in the chat, reads the member list, may leave.' },
  } as const,
});

export const JoinPolicyEnum = builder.enumType('JoinPolicy', {
  description: 'Who may come into a group without being added by its owner or an admin.',
  values: {
    INVITE_ONLY: { description: 'Only with an invitation or an invite link (the default).' },
    REQUEST: { description: 'Anyone signed in may ask (`requestToJoinGroup`); the owner or an admin approves. Invitations and links still admit.' },
    OPEN: { description: 'Anyone signed in may join (`joinGroup`). Invitations and links still admit.' },
  } as const,
});

export const GroupVisibilityEnum = builder.enumType('GroupVisibility', {
  description: "Who may read a group's profile, and whether search finds it.",
  values: {
    PRIVATE: { description: 'The default: only members read the profile; to anyone else the group reads as unknown (null), and search never finds it.' },
    PUBLIC: { description: 'Anyone signed in reads the profile (never the member list, which stays for members) and `searchGroups` finds it.' },
  } as const,
});

export const WayInEnum = builder.enumType('WayIn', {
  description: 'How members came in; the `Add` notice carries it too, in `extra`, as `{"joinedBy": …}`.',
  values: {
    ADDED: { description: 'Added by the owner or an admin (`addGroupMembers`).' },
    REQUEST_APPROVED: { description: 'Asked, and the owner or an admin approved (`approveJoinRequests`).' },
    INVITATION_ACCEPTED: { description: 'Accepted an invitation (`acceptGroupInvitation`).' },
    INVITE_LINK: { description: 'Came in by an invite link (`joinGroupByInviteLink`).' },
    OPEN_JOIN: { description: 'Joined an OPEN group (`joinGroup`).' },
  } as const,
});
