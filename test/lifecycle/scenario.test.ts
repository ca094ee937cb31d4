import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../fixtures/gateway.js';
import { readNotice } from '../fixtures/notices.js';
import { emulatorGroups, emulatorLog, emulatorMessages } from '../kit/emulator.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

describe('a scripted lifecycle', () => {
  let fixture: GatewayKit;
  const expected: Array<[groupId: string, operation: string, operator: string, targets: string[]]> = [];

  /**
   * Runs one step and expects success: a typename ending in Success. The client is answered
   * before the notices that follow a change: the kit lets them go (`settleNotices`), as a script's pace would.
   */
  async function step(run: Promise<{ __typename: string }>): Promise<void> {
    expect((await run).__typename).toMatch(/Success$/);
  }

  beforeAll(async () => {
    fixture = await startKit({ settleNotices: true });
    await step(fixture.createGroup({ groupId: 'alpha', name: 'Alpha', memberIds: ['bob', 'carol'] }, { as: 'alice' }));
    expected.push(['alpha', 'Create', 'alice', ['alice', 'bob', 'carol']]);
    await step(fixture.createGroup({ groupId: 'beta', name: 'Beta', memberIds: ['dave'] }, { as: 'erin' }));
    expected.push(['beta', 'Create', 'erin', ['erin', 'dave']]);
    await step(fixture.addGroupMembers({ groupId: 'alpha', userIds: ['dave', 'erin', 'bob'] }, { as: 'alice' }));
    expected.push(['alpha', 'Add', 'alice', ['dave', 'erin']]);
    await step(fixture.removeGroupMembers({ groupId: 'alpha', userIds: ['carol', 'nobody'] }, { as: 'alice', headers: { 'x-request-id': 'remove-carol' } }));
    expected.push(['alpha', 'Kicked', 'alice', ['carol']]);
    await step(fixture.leaveGroup({ groupId: 'alpha' }, { as: 'dave' }));
    expected.push(['alpha', 'Quit', 'dave', ['dave']]);
    await step(fixture.updateGroup({ groupId: 'alpha', name: 'Alpha & Omega' }, { as: 'alice' }));
    expected.push(['alpha', 'Rename', 'alice', []]);
    await step(fixture.transferGroupOwnership({ groupId: 'alpha', userId: 'bob' }, { as: 'alice' }));
    expected.push(['alpha', 'Transfer', 'alice', ['bob']]);
    await step(fixture.addGroupMembers({ groupId: 'beta', userIds: ['frank'] }, { as: 'erin' }));
    expected.push(['beta', 'Add', 'erin', ['frank']]);
    await step(fixture.dismissGroup({ groupId: 'beta' }, { as: 'erin', headers: { 'x-request-id': 'dismiss-beta' } }));
    expected.push(['beta', 'Dismiss', 'erin', []]);
    await eventually(async () => (await emulatorMessages(fixture.emulator)).length >= expected.length);
  });
  afterAll(() => fixture.close());

  it('leaves the IM Service holding exactly the groups and members the store holds', async () => {
    const stored = await fixture.group({ groupId: 'alpha' }, { as: 'bob' });
    const alpha = stored.data?.group;
    expect(alpha?.syncStatus).toBe('SYNCED');
    const storeMembers = alpha?.members?.edges.map((edge) => edge.node.userId) ?? [];
    expect(storeMembers.sort()).toEqual(['alice', 'bob', 'erin']);

    const groups = await emulatorGroups(fixture.emulator);
    expect(groups.map((group) => ({ ...group, members: [...group.members].sort() }))).toEqual([
      { groupId: 'alpha', name: 'Alpha & Omega', members: ['alice', 'bob', 'erin'] },
    ]);
    expect((await fixture.group({ groupId: 'beta' }, { as: 'erin' })).data?.group).toBeNull();
  });

  it('published exactly the expected notifications, in order per group', async () => {
    // Each read as the client classes read it (data a JSON string, predefined operations; Transfer as RC:CmdNtf).
    const messages = (await emulatorMessages(fixture.emulator)).map(readNotice);
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
    const requests = await emulatorLog(fixture.emulator);
    // Every IM call a mutation causes carries that request's id.
    const callsOf = (requestId: string) => requests.filter((entry) => entry.requestId === requestId).map((entry) => entry.path);
    expect(callsOf('remove-carol')).toEqual(['/message/group/publish.json', '/group/quit.json']);
    expect(callsOf('dismiss-beta')).toEqual(['/message/group/publish.json', '/group/dismiss.json']);
  });
});
