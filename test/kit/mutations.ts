import { graphql } from '../generated/index.js';

/**
 * One document per mutation, and the input each kit function takes. Callers pass ONE input
 * object (`notify` and `idempotencyKey` inside it), the shape every mutation is moving to
 * (`input: <Name>Input!`); `variables` maps it onto the arguments the schema takes today, so
 * that when the schema changes only this file (and its documents) changes, not the tests.
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
export interface RemoveGroupMembersInput extends Notify {
  groupId: string;
  userIds: string[];
}
export interface LeaveGroupInput extends Notify {
  groupId: string;
}
/** Leave `name` or `avatarUrl` out to keep it; `avatarUrl: null` removes the picture. */
export interface UpdateGroupInput extends Notify {
  groupId: string;
  name?: string;
  avatarUrl?: string | null;
}
export interface TransferGroupOwnershipInput extends Notify {
  groupId: string;
  userId: string;
}
export interface SetGroupMemberRoleInput {
  groupId: string;
  userId: string;
  role: 'OWNER' | 'ADMIN' | 'MEMBER';
}
export interface DismissGroupInput extends Notify {
  groupId: string;
}

const CreateGroup = graphql(`
  mutation KitCreateGroup($input: CreateGroupInput!, $notify: Boolean) {
    createGroup(input: $input, notify: $notify) {
      __typename
      ...KitCreateGroupSuccessFields
      ...KitErrorFields
    }
  }
`);

const AddGroupMembers = graphql(`
  mutation KitAddGroupMembers($groupId: String!, $userIds: [String!]!, $notify: Boolean, $idempotencyKey: String) {
    addGroupMembers(groupId: $groupId, userIds: $userIds, notify: $notify, idempotencyKey: $idempotencyKey) {
      __typename
      ...KitAddGroupMembersSuccessFields
      ...KitErrorFields
    }
  }
`);

const RemoveGroupMembers = graphql(`
  mutation KitRemoveGroupMembers($groupId: String!, $userIds: [String!]!, $notify: Boolean) {
    removeGroupMembers(groupId: $groupId, userIds: $userIds, notify: $notify) {
      __typename
      ...KitRemoveGroupMembersSuccessFields
      ...KitErrorFields
    }
  }
`);

const LeaveGroup = graphql(`
  mutation KitLeaveGroup($groupId: String!, $notify: Boolean) {
    leaveGroup(groupId: $groupId, notify: $notify) {
      __typename
      ... on LeaveGroupSuccess {
        groupId
      }
      ...KitErrorFields
    }
  }
`);

const UpdateGroup = graphql(`
  mutation KitUpdateGroup($groupId: String!, $name: String, $avatarUrl: String, $notify: Boolean) {
    updateGroup(groupId: $groupId, name: $name, avatarUrl: $avatarUrl, notify: $notify) {
      __typename
      ...KitUpdateGroupSuccessFields
      ...KitErrorFields
    }
  }
`);

const TransferGroupOwnership = graphql(`
  mutation KitTransferGroupOwnership($groupId: String!, $userId: String!, $notify: Boolean) {
    transferGroupOwnership(groupId: $groupId, userId: $userId, notify: $notify) {
      __typename
      ...KitTransferGroupOwnershipSuccessFields
      ...KitErrorFields
    }
  }
`);

const SetGroupMemberRole = graphql(`
  mutation KitSetGroupMemberRole($groupId: String!, $userId: String!, $role: MemberRole!) {
    setGroupMemberRole(groupId: $groupId, userId: $userId, role: $role) {
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
  mutation KitDismissGroup($groupId: String!, $notify: Boolean) {
    dismissGroup(groupId: $groupId, notify: $notify) {
      __typename
      ... on DismissGroupSuccess {
        groupId
      }
      ...KitErrorFields
    }
  }
`);

/** Each mutation: its document, the field it answers under, its success member, and the input-to-variables map. */
export const MUTATIONS = {
  createGroup: {
    document: CreateGroup,
    success: 'CreateGroupSuccess',
    variables: ({ notify, ...input }: CreateGroupInput) => ({ input, notify }),
  },
  addGroupMembers: { document: AddGroupMembers, success: 'AddGroupMembersSuccess', variables: (input: AddGroupMembersInput) => input },
  removeGroupMembers: { document: RemoveGroupMembers, success: 'RemoveGroupMembersSuccess', variables: (input: RemoveGroupMembersInput) => input },
  leaveGroup: { document: LeaveGroup, success: 'LeaveGroupSuccess', variables: (input: LeaveGroupInput) => input },
  updateGroup: { document: UpdateGroup, success: 'UpdateGroupSuccess', variables: (input: UpdateGroupInput) => input },
  transferGroupOwnership: {
    document: TransferGroupOwnership,
    success: 'TransferGroupOwnershipSuccess',
    variables: (input: TransferGroupOwnershipInput) => input,
  },
  setGroupMemberRole: { document: SetGroupMemberRole, success: 'SetGroupMemberRoleSuccess', variables: (input: SetGroupMemberRoleInput) => input },
  dismissGroup: { document: DismissGroup, success: 'DismissGroupSuccess', variables: (input: DismissGroupInput) => input },
} as const;

export type MutationName = keyof typeof MUTATIONS;
