import { graphql } from '../generated/index.js';
import { JOINING_MUTATIONS } from './joining-mutations.js';

/**
 * One document per mutation, and the input each kit function takes: every mutation takes one
 * `input: <Name>Input!` (`notify` and `idempotencyKey` inside it), so a kit function takes that
 * object and sends it as the `$input` variable.
 */

type Notify = { notify?: boolean };
type Idempotent = { idempotencyKey?: string };

export interface CreateGroupInput extends Notify, Idempotent {
  groupId?: string;
  name: string;
  memberIds?: string[];
  avatarUrl?: string;
}
export interface AddGroupMembersInput extends Notify, Idempotent {
  groupId: string;
  userIds: string[];
}
export interface RemoveGroupMembersInput extends Notify, Idempotent {
  groupId: string;
  userIds: string[];
}
export interface LeaveGroupInput extends Notify, Idempotent {
  groupId: string;
}
/** Leave a field out to keep it; null clears it (`attributes`: `value: null` removes one key, `attributes: null` all; `visibility`: kept). */
export interface UpdateGroupInput extends Notify, Idempotent {
  groupId: string;
  name?: string;
  avatarUrl?: string | null;
  visibility?: 'PRIVATE' | 'PUBLIC';
  description?: string | null;
  announcement?: string | null;
  attributes?: Array<{ key: string; value: string | null }> | null;
}
/** No `notify`: a nickname publishes no notice. `userId` left out: the caller's own; `nickname: null` clears. */
export interface SetGroupMemberNicknameInput extends Idempotent {
  groupId: string;
  userId?: string;
  nickname: string | null;
}
export interface TransferGroupOwnershipInput extends Notify, Idempotent {
  groupId: string;
  userId: string;
}
/** No `notify`: a role change publishes no notice. */
export interface SetGroupMemberRoleInput extends Idempotent {
  groupId: string;
  userId: string;
  role: 'OWNER' | 'ADMIN' | 'MEMBER';
}
export interface DismissGroupInput extends Notify, Idempotent {
  groupId: string;
}
/** No `notify`: moderation publishes no notice (`RC:GrpNtf` has no mute operation). */
export interface MuteGroupMembersInput extends Idempotent {
  groupId: string;
  userIds: string[];
  minutes: number;
}
export interface UnmuteGroupMembersInput extends Idempotent {
  groupId: string;
  userIds: string[];
}
export interface SetGroupMutedInput extends Idempotent {
  groupId: string;
  muted: boolean;
}

const CreateGroup = graphql(`
  mutation KitCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ...KitCreateGroupSuccessFields
      ...KitErrorFields
    }
  }
`);

const AddGroupMembers = graphql(`
  mutation KitAddGroupMembers($input: AddGroupMembersInput!) {
    addGroupMembers(input: $input) {
      __typename
      ...KitAddGroupMembersSuccessFields
      ...KitErrorFields
    }
  }
`);

const RemoveGroupMembers = graphql(`
  mutation KitRemoveGroupMembers($input: RemoveGroupMembersInput!) {
    removeGroupMembers(input: $input) {
      __typename
      ...KitRemoveGroupMembersSuccessFields
      ...KitErrorFields
    }
  }
`);

const LeaveGroup = graphql(`
  mutation KitLeaveGroup($input: LeaveGroupInput!) {
    leaveGroup(input: $input) {
      __typename
      ... on LeaveGroupSuccess {
        groupId
      }
      ...KitErrorFields
    }
  }
`);

const UpdateGroup = graphql(`
  mutation KitUpdateGroup($input: UpdateGroupInput!) {
    updateGroup(input: $input) {
      __typename
      ...KitUpdateGroupSuccessFields
      ...KitErrorFields
    }
  }
`);

const TransferGroupOwnership = graphql(`
  mutation KitTransferGroupOwnership($input: TransferGroupOwnershipInput!) {
    transferGroupOwnership(input: $input) {
      __typename
      ...KitTransferGroupOwnershipSuccessFields
      ...KitErrorFields
    }
  }
`);

const SetGroupMemberRole = graphql(`
  mutation KitSetGroupMemberRole($input: SetGroupMemberRoleInput!) {
    setGroupMemberRole(input: $input) {
      __typename
      ... on SetGroupMemberRoleSuccess {
        member {
          userId
          role
        }
      }
      ...KitErrorFields
    }
  }
`);

const SetGroupMemberNickname = graphql(`
  mutation KitSetGroupMemberNickname($input: SetGroupMemberNicknameInput!) {
    setGroupMemberNickname(input: $input) {
      __typename
      ... on SetGroupMemberNicknameSuccess {
        member {
          userId
          role
          nickname
        }
      }
      ...KitErrorFields
    }
  }
`);

const DismissGroup = graphql(`
  mutation KitDismissGroup($input: DismissGroupInput!) {
    dismissGroup(input: $input) {
      __typename
      ... on DismissGroupSuccess {
        groupId
      }
      ...KitErrorFields
    }
  }
`);

const MuteGroupMembers = graphql(`
  mutation KitMuteGroupMembers($input: MuteGroupMembersInput!) {
    muteGroupMembers(input: $input) {
      __typename
      ...KitMuteGroupMembersSuccessFields
      ...KitErrorFields
    }
  }
`);

const UnmuteGroupMembers = graphql(`
  mutation KitUnmuteGroupMembers($input: UnmuteGroupMembersInput!) {
    unmuteGroupMembers(input: $input) {
      __typename
      ...KitUnmuteGroupMembersSuccessFields
      ...KitErrorFields
    }
  }
`);

const SetGroupMuted = graphql(`
  mutation KitSetGroupMuted($input: SetGroupMutedInput!) {
    setGroupMuted(input: $input) {
      __typename
      ...KitSetGroupMutedSuccessFields
      ...KitErrorFields
    }
  }
`);

/** Each mutation: its document, its success member, and its variables (the input, as `$input`). */
export const MUTATIONS = {
  createGroup: {
    document: CreateGroup,
    success: 'CreateGroupSuccess',
    variables: (input: CreateGroupInput) => ({ input }),
  },
  addGroupMembers: { document: AddGroupMembers, success: 'AddGroupMembersSuccess', variables: (input: AddGroupMembersInput) => ({ input }) },
  removeGroupMembers: { document: RemoveGroupMembers, success: 'RemoveGroupMembersSuccess', variables: (input: RemoveGroupMembersInput) => ({ input }) },
  leaveGroup: { document: LeaveGroup, success: 'LeaveGroupSuccess', variables: (input: LeaveGroupInput) => ({ input }) },
  updateGroup: { document: UpdateGroup, success: 'UpdateGroupSuccess', variables: (input: UpdateGroupInput) => ({ input }) },
  transferGroupOwnership: {
    document: TransferGroupOwnership,
    success: 'TransferGroupOwnershipSuccess',
    variables: (input: TransferGroupOwnershipInput) => ({ input }),
  },
  setGroupMemberRole: { document: SetGroupMemberRole, success: 'SetGroupMemberRoleSuccess', variables: (input: SetGroupMemberRoleInput) => ({ input }) },
  setGroupMemberNickname: {
    document: SetGroupMemberNickname,
    success: 'SetGroupMemberNicknameSuccess',
    variables: (input: SetGroupMemberNicknameInput) => ({ input }),
  },
  dismissGroup: { document: DismissGroup, success: 'DismissGroupSuccess', variables: (input: DismissGroupInput) => ({ input }) },
  muteGroupMembers: { document: MuteGroupMembers, success: 'MuteGroupMembersSuccess', variables: (input: MuteGroupMembersInput) => ({ input }) },
  unmuteGroupMembers: { document: UnmuteGroupMembers, success: 'UnmuteGroupMembersSuccess', variables: (input: UnmuteGroupMembersInput) => ({ input }) },
  setGroupMuted: { document: SetGroupMuted, success: 'SetGroupMutedSuccess', variables: (input: SetGroupMutedInput) => ({ input }) },
  ...JOINING_MUTATIONS,
} as const;

export type MutationName = keyof typeof MUTATIONS;
