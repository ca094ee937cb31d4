import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { eventually, noticesSettled, startGateway, type GatewayFixture, type GraphQLResponse } from '../fixtures/gateway.js';
import { emulatorMessages } from '../fixtures/im.js';
import { readNotice } from '../fixtures/notices.js';

const Create = graphql(`
  mutation ScenarioCreate($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
    }
  }
`);
const Add = graphql(`
  mutation ScenarioAdd($groupId: String!, $userIds: [String!]!) {
    addGroupMembers(groupId: $groupId, userIds: $userIds) {
      __typename
    }
  }
`);
const Remove = graphql(`
  mutation ScenarioRemove($groupId: String!, $userIds: [String!]!) {
    removeGroupMembers(groupId: $groupId, userIds: $userIds) {
      __typename
    }
  }
`);
const Leave = graphql(`
  mutation ScenarioLeave($groupId: String!) {
    leaveGroup(groupId: $groupId) {
      __typename
    }
  }
`);
const Rename = graphql(`
  mutation ScenarioRename($groupId: String!, $name: String!) {
    updateGroup(groupId: $groupId, name: $name) {
      __typename
    }
  }
`);
const Transfer = graphql(`
  mutation ScenarioTransfer($groupId: String!, $userId: String!) {
    transferGroupOwnership(groupId: $groupId, userId: $userId) {
      __typename
    }
  }
`);
const Dismiss = graphql(`
  mutation ScenarioDismiss($groupId: String!) {
    dismissGroup(groupId: $groupId) {
      __typename
    }
  }
`);
const Members = graphql(`
  query ScenarioMembers($groupId: String!) {
    group(groupId: $groupId) {
      name
      syncStatus
      members(first: 200) {
        edges {
          node {
            userId
          }
        }
      }
    }
  }
`);

describe('a scripted lifecycle', () => {
  let fixture: GatewayFixture;
  const expected: Array<[groupId: string, operation: string, operator: string, targets: string[]]> = [];

  /** Runs one step and expects success: a typename ending in Success. */
  async function step<T>(run: Promise<GraphQLResponse<T>>): Promise<void> {
    const [result] = Object.values((await run).data ?? {}) as Array<{ __typename: string }>;
    expect(result?.__typename).toMatch(/Success$/);
    // The client is answered before the notices that follow a change: let them go, as a script's pace would.
    await noticesSettled(fixture);
  }

  beforeAll(async () => {
    fixture = await startGateway();
    const run = fixture.execute;
    await step(run(Create, { input: { groupId: 'alpha', name: 'Alpha', memberIds: ['bob', 'carol'] } }, { as: 'alice' }));
    expected.push(['alpha', 'Create', 'alice', ['alice', 'bob', 'carol']]);
    await step(run(Create, { input: { groupId: 'beta', name: 'Beta', memberIds: ['dave'] } }, { as: 'erin' }));
    expected.push(['beta', 'Create', 'erin', ['erin', 'dave']]);
    await step(run(Add, { groupId: 'alpha', userIds: ['dave', 'erin', 'bob'] }, { as: 'alice' }));
    expected.push(['alpha', 'Add', 'alice', ['dave', 'erin']]);
    await step(run(Remove, { groupId: 'alpha', userIds: ['carol', 'nobody'] }, { as: 'alice', headers: { 'x-request-id': 'remove-carol' } }));
    expected.push(['alpha', 'Kicked', 'alice', ['carol']]);
    await step(run(Leave, { groupId: 'alpha' }, { as: 'dave' }));
    expected.push(['alpha', 'Quit', 'dave', ['dave']]);
    await step(run(Rename, { groupId: 'alpha', name: 'Alpha & Omega' }, { as: 'alice' }));
    expected.push(['alpha', 'Rename', 'alice', []]);
    await step(run(Transfer, { groupId: 'alpha', userId: 'bob' }, { as: 'alice' }));
    expected.push(['alpha', 'Transfer', 'alice', ['bob']]);
    await step(run(Add, { groupId: 'beta', userIds: ['frank'] }, { as: 'erin' }));
    expected.push(['beta', 'Add', 'erin', ['frank']]);
    await step(run(Dismiss, { groupId: 'beta' }, { as: 'erin', headers: { 'x-request-id': 'dismiss-beta' } }));
    expected.push(['beta', 'Dismiss', 'erin', []]);
    await eventually(async () => (await emulatorMessages(fixture.emulator)).length >= expected.length);
  });
  afterAll(() => fixture.close());

  it('leaves the IM Service holding exactly the groups and members the store holds', async () => {
    const stored = await fixture.execute(Members, { groupId: 'alpha' }, { as: 'bob' });
    const alpha = stored.data?.group;
    expect(alpha?.syncStatus).toBe('SYNCED');
    const storeMembers = alpha?.members?.edges.map((edge) => edge.node.userId) ?? [];
    expect(storeMembers.sort()).toEqual(['alice', 'bob', 'erin']);

    const response = await fetch(`${fixture.emulator.url}/_emulator/groups`);
    const { groups } = (await response.json()) as { groups: Array<{ groupId: string; name: string; members: string[] }> };
    expect(groups.map((group) => ({ ...group, members: [...group.members].sort() }))).toEqual([
      { groupId: 'alpha', name: 'Alpha & Omega', members: ['alice', 'bob', 'erin'] },
    ]);
    expect((await fixture.execute(Members, { groupId: 'beta' }, { as: 'erin' })).data?.group).toBeNull();
  });

  it('published exactly the expected notifications, in order per group', async () => {
    // Each read as the client classes read it (data a JSON string, predefined operations; Transfer as RC:CmdNtf).
    const messages = ((await emulatorMessages(fixture.emulator)) as unknown as Parameters<typeof readNotice>[0][]).map(readNotice);
    const perGroup = (groupId: string) =>
      messages
        .filter((message) => message.toGroupId === groupId)
        .map((message) => [message.toGroupId, message.operation, message.operatorUserId, message.targetUserIds]);
    for (const groupId of ['alpha', 'beta']) {
      expect(perGroup(groupId)).toEqual(expected.filter(([id]) => id === groupId));
    }
    expect(messages).toHaveLength(expected.length);
  });

  it('sends Kicked before the quit call that removes the user, and Dismiss before the dismiss call', async () => {
    const log = (await (await fetch(`${fixture.emulator.url}/_emulator/log`)).json()) as {
      requests: Array<{ path: string; requestId: string | null }>;
    };
    // Every IM call a mutation causes carries that request's id.
    const callsOf = (requestId: string) => log.requests.filter((entry) => entry.requestId === requestId).map((entry) => entry.path);
    expect(callsOf('remove-carol')).toEqual(['/message/group/publish.json', '/group/quit.json']);
    expect(callsOf('dismiss-beta')).toEqual(['/message/group/publish.json', '/group/dismiss.json']);
  });
});
