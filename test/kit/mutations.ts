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
/** Leave `name`, `avatarUrl` or `visibility` out to keep it; `avatarUrl: null` removes the picture. */
export interface UpdateGroupInput extends Notify, Idempotent {
  groupId: string;
  name?: string;
  avatarUrl?: string | null;
  visibility?: 'PRIVATE' | 'PUBLIC';
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
  dismissGroup: { document: DismissGroup, success: 'DismissGroupSuccess', variables: (input: DismissGroupInput) => ({ input }) },
  ...JOINING_MUTATIONS,
} as const;

export type MutationName = keyof typeof MUTATIONS;
