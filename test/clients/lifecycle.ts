import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { expect, vi } from 'vitest';
import { AddMembers, CreateGroup, DismissGroup, GroupPage, GroupProfilePage, LeaveGroup, RemoveMembers, SetRole, TransferOwnership, UpdateGroup } from './documents.js';

/** One real client library, signed in as one user, as the lifecycle drives it. */
export interface ClientUnderTest {
  /** Runs a mutation; answers its data (an error fails the test). */
  mutate<T, V>(document: TypedDocumentNode<T, V>, variables: V): Promise<T>;
  /** The read a screen makes, answered from the client's cache where it has one; null: the client has no cache. */
  cached: (<T, V>(document: TypedDocumentNode<T, V>, variables: V) => Promise<T | undefined>) | null;
  /** The same read from the gateway, bypassing any cache (and refreshing it). */
  network<T, V>(document: TypedDocumentNode<T, V>, variables: V): Promise<T>;
}

const groupId = 'bookclub';

/**
 * The whole lifecycle through one client library, one client per user as an app has: create,
 * read, add, set a role, remove, update, transfer, leave, dismiss. After each change, the group
 * the answer carries equals what the gateway reads next, and the read from the client's cache
 * equals the read from the network: the answer alone kept the cache right, no refetch needed.
 * A dismissed group is in a cache as the dismiss answered it (`dismissedAt` set), which a
 * client shows as gone: that is what the gateway's read (null) says.
 */
export async function driveLifecycle(clientFor: (userId: string) => ClientUnderTest): Promise<void> {
  const alice = clientFor('alice');
  const page = { groupId };

  const created = await alice.mutate(CreateGroup, { input: { groupId, name: 'Book club', memberIds: ['bob', 'carol'] } });
  const createdGroup = success(created.createGroup, 'CreateGroupSuccess').group;
  // A screen opens the group: the first read goes to the gateway and equals what the answer held.
  expect((await alice.network(GroupPage, page)).group).toEqual(createdGroup);
  await expectCacheMatchesNetwork(alice, GroupPage, page);

  const added = success((await alice.mutate(AddMembers, { input: { groupId, userIds: ['dave', 'erin'] } })).addGroupMembers, 'AddGroupMembersSuccess');
  expect(added.addedMembers.map((member) => [member.userId, member.role])).toEqual([['dave', 'MEMBER'], ['erin', 'MEMBER']]);
  await expectAnswerAndCacheFollow(alice, added.group, { memberCount: 5 });

  const promoted = success((await alice.mutate(SetRole, { input: { groupId, userId: 'dave', role: 'ADMIN' } })).setGroupMemberRole, 'SetGroupMemberRoleSuccess');
  expect(promoted.member.role).toBe('ADMIN');
  await expectAnswerAndCacheFollow(alice, promoted.group, { memberCount: 5 });

  const removed = success((await alice.mutate(RemoveMembers, { input: { groupId, userIds: ['erin'] } })).removeGroupMembers, 'RemoveGroupMembersSuccess');
  const erin = added.addedMembers.find((member) => member.userId === 'erin')!;
  expect(removed.removedMemberIds).toEqual([erin.id]);
  await expectAnswerAndCacheFollow(alice, removed.group, { memberCount: 4 });

  // Renamed and made PUBLIC: its profile is then anyone's who is signed in (a PRIVATE group is unknown to non-members).
  const renamed = success((await alice.mutate(UpdateGroup, { input: { groupId, name: 'Readers', visibility: 'PUBLIC' } })).updateGroup, 'UpdateGroupSuccess');
  await expectAnswerAndCacheFollow(alice, renamed.group, { name: 'Readers', visibility: 'PUBLIC' });

  const transferred = success((await alice.mutate(TransferOwnership, { input: { groupId, userId: 'dave' } })).transferGroupOwnership, 'TransferGroupOwnershipSuccess');
  expect(transferred.changedMembers.map((member) => [member.userId, member.role])).toEqual([['dave', 'OWNER'], ['alice', 'ADMIN']]);
  await expectAnswerAndCacheFollow(alice, transferred.group, { viewerRole: 'ADMIN' });

  // Alice leaves: she reads the PUBLIC profile only from now on (the member list is for members).
  const left = success((await alice.mutate(LeaveGroup, { input: { groupId } })).leaveGroup, 'LeaveGroupSuccess');
  expect(left.removedMemberIds).toEqual([createdGroup.owner.id]);
  expect((await alice.network(GroupProfilePage, page)).group).toEqual(left.group);
  expect(left.group).toMatchObject({ viewerRole: null, memberCount: 3 });
  await expectCacheMatchesNetwork(alice, GroupProfilePage, page);

  // Dave, the owner now, opens the group and dismisses it.
  const dave = clientFor('dave');
  await dave.network(GroupPage, page);
  const dismissed = success((await dave.mutate(DismissGroup, { input: { groupId } })).dismissGroup, 'DismissGroupSuccess');
  expect(dismissed.group.id).toBe(createdGroup.id);
  expect(dismissed.group.dismissedAt).not.toBeNull();
  expect((await dave.network(GroupPage, page)).group).toBeNull();
  await expectCacheMatchesNetwork(dave, GroupPage, page);
}

/** The union member a mutation answered, when it is the one expected (else the test fails, printing it). */
function success<T extends { __typename: string }, Name extends T['__typename']>(result: T, typename: Name): Extract<T, { __typename: Name }> {
  expect(result, JSON.stringify(result)).toMatchObject({ __typename: typename });
  return result as Extract<T, { __typename: Name }>;
}

/** After a change: the answer's group is what the gateway now reads, and the cache agrees with both. */
async function expectAnswerAndCacheFollow(client: ClientUnderTest, answered: unknown, expected: Record<string, unknown>): Promise<void> {
  expect(answered).toMatchObject(expected);
  const fromCache = client.cached ? await client.cached(GroupPage, { groupId }) : undefined;
  const fromNetwork = await client.network(GroupPage, { groupId });
  expect(fromNetwork.group).toEqual(answered);
  if (client.cached) expect(shown(fromCache), 'the cached read').toEqual(fromNetwork);
}

async function expectCacheMatchesNetwork<T, V>(client: ClientUnderTest, document: TypedDocumentNode<T, V>, variables: V): Promise<void> {
  if (!client.cached) return;
  const fromCache = await client.cached(document, variables);
  const fromNetwork = await client.network(document, variables);
  expect(shown(fromCache), 'the cached read').toEqual(fromNetwork);
}

/** What a screen shows from a read: a group the cache holds as dismissed is shown as gone. */
function shown<T>(data: T | undefined): T | undefined {
  const group = (data as { group?: { dismissedAt?: string | null } | null } | undefined)?.group;
  return group?.dismissedAt ? ({ ...data, group: null } as T) : data;
}

/** Everything printed to console.warn and console.error while `run` runs, plus what `hook` collected. */
export async function warningsDuring(run: (hook: (severity: string, message: string) => void) => Promise<void>): Promise<string[]> {
  const printed: string[] = [];
  const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void printed.push(`console.warn: ${args.map(String).join(' ')}`));
  const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(`console.error: ${args.map(String).join(' ')}`));
  try {
    await run((severity, message) => printed.push(`${severity}: ${message}`));
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
  return printed;
}
