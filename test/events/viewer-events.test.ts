import { expect, it } from 'vitest';
import { describeEachStore } from '../fixtures/stores.js';
import { nextGroupId, OWNER } from '../kit/factories.js';
import { useStoreGateway } from '../kit/gateway-kit.js';

/**
 * `readViewerAfter`, what a user's conversation list follows (the delivery side's
 * `viewerEvents` reads it): the events about the user, and those of groups they were in when
 * the event happened, decided then, not when they read.
 */
describeEachStore('a viewer\'s events', (target) => {
  const gateway = useStoreGateway(target);

  const kindsFor = async (userId: string, cursor: string | null) =>
    (await gateway().app.events.readViewerAfter(userId, cursor, 100)).map((event) => [event.kind, event.groupId, 'name' in event.data ? event.data.name : undefined]);

  it('a user removed after the cursor still gets the group\'s events from before the removal, and none after', async () => {
    const viewer = nextGroupId('leaver');
    const groupId = nextGroupId('view');
    await gateway().must.createGroup({ groupId, name: 'Before', memberIds: [viewer, 'other'], notify: false }, { as: OWNER });
    const cursor = await gateway().app.events.latestCursor();

    await gateway().must.updateGroup({ groupId, name: 'Renamed while in' }, { as: OWNER });
    await gateway().must.setGroupMemberRole({ groupId, userId: viewer, role: 'ADMIN' }, { as: OWNER });
    await gateway().must.setGroupMemberRole({ groupId, userId: 'other', role: 'ADMIN' }, { as: OWNER });
    await gateway().must.removeGroupMembers({ groupId, userIds: [viewer], notify: false }, { as: OWNER });
    await gateway().must.updateGroup({ groupId, name: 'Renamed after' }, { as: OWNER });
    await gateway().must.dismissGroup({ groupId, notify: false }, { as: OWNER });

    expect(await kindsFor(viewer, cursor)).toEqual([
      ['GroupProfileUpdated', groupId, 'Renamed while in'],
      ['MemberRoleChanged', groupId, undefined],
      ['MembersRemoved', groupId, undefined],
    ]);
    // From the start: the group they were created into too.
    expect((await kindsFor(viewer, null))[0]).toEqual(['GroupCreated', groupId, 'Before']);
  });

  it('a user added after the cursor does not get the group\'s earlier events, but all from their addition on', async () => {
    const viewer = nextGroupId('joiner');
    const groupId = nextGroupId('view');
    await gateway().must.createGroup({ groupId, name: 'Old name', memberIds: ['other'], notify: false }, { as: OWNER });
    const cursor = await gateway().app.events.latestCursor();

    await gateway().must.updateGroup({ groupId, name: 'Renamed before' }, { as: OWNER });
    await gateway().must.addGroupMembers({ groupId, userIds: [viewer], notify: false }, { as: OWNER });
    // Someone else's addition and role are not the viewer's concern; the group's rename and dismissal are.
    await gateway().must.addGroupMembers({ groupId, userIds: ['third'], notify: false }, { as: OWNER });
    await gateway().must.setGroupMemberRole({ groupId, userId: 'other', role: 'ADMIN' }, { as: OWNER });
    await gateway().must.updateGroup({ groupId, avatarUrl: 'https://example.com/p.png' }, { as: OWNER });
    await gateway().must.transferGroupOwnership({ groupId, userId: viewer }, { as: OWNER });
    await gateway().must.dismissGroup({ groupId, notify: false }, { as: viewer });

    expect(await kindsFor(viewer, cursor)).toEqual([
      ['MembersAdded', groupId, undefined],
      ['GroupProfileUpdated', groupId, 'Renamed before'],
      ['OwnershipTransferred', groupId, undefined],
      ['GroupDismissed', groupId, undefined],
    ]);
    expect(await kindsFor('third', cursor)).toEqual([
      ['MembersAdded', groupId, undefined],
      ['GroupProfileUpdated', groupId, 'Renamed before'],
      ['GroupDismissed', groupId, undefined],
    ]);
  });

  it('a user who leaves hears of their leaving, and of nothing after', async () => {
    const viewer = nextGroupId('quitter');
    const groupId = nextGroupId('view');
    await gateway().must.createGroup({ groupId, name: 'Left', memberIds: [viewer], notify: false }, { as: OWNER });
    const cursor = await gateway().app.events.latestCursor();
    await gateway().must.leaveGroup({ groupId, notify: false }, { as: viewer });
    await gateway().must.updateGroup({ groupId, name: 'Gone' }, { as: OWNER });
    expect(await kindsFor(viewer, cursor)).toEqual([['MemberLeft', groupId, undefined]]);
  });
});
