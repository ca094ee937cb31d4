import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { countStatements, groupHistory, nextGroupId, OWNER } from '../kit/factories.js';
import { kitFor, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * What the event log costs a changing mutation: its events are written and made ready in the
 * change's own statements (and one UPDATE at its outbox completion); cursors are given by the
 * releaser, off the request's path. With the releaser stopped, a mutation runs no statement of it.
 */
let fixture: GatewayFixture;
let kit: GatewayKit;
beforeAll(async () => {
  fixture = await startGateway();
  kit = kitFor(fixture);
});
afterAll(async () => fixture.close());

it('a changing mutation runs no release statement: its events wait, ready, until the releaser runs', async () => {
  await fixture.app.events.stopReleasing();
  // The fewest of a few runs: the dispatcher's own polling (every 500 ms) may land in one.
  const fewest = async (run: () => Promise<unknown>) => {
    let least = Infinity;
    for (let i = 0; i < 3; i++) least = Math.min(least, (await countStatements(fixture, run)).statements);
    return least;
  };
  const groupIds = [nextGroupId('cost'), nextGroupId('cost'), nextGroupId('cost')];
  let created = 0;
  let added = 0;
  let named = 0;
  const roles = ['ADMIN', 'MEMBER', 'ADMIN'] as const;
  let roled = 0;
  const groupId = groupIds[0]!;
  const counts = {
    createGroup: await fewest(() => kit.must.createGroup({ groupId: groupIds[created++]!, name: 'Cost', memberIds: ['a'], notify: false }, { as: OWNER })),
    addGroupMembers: await fewest(() => kit.must.addGroupMembers({ groupId, userIds: [`b${added++}`], notify: false }, { as: OWNER })),
    updateGroup: await fewest(() => kit.must.updateGroup({ groupId, name: `Renamed ${named++}` }, { as: OWNER })),
    setGroupMemberRole: await fewest(() => kit.must.setGroupMemberRole({ groupId, userId: 'a', role: roles[roled++]! }, { as: OWNER })),
  };
  console.log('statements per mutation', counts);
  // addGroupMembers: two more than the release alone needs, the admission core's reads of the
  // newcomers' pending requests and invitations (answered by the membership).
  expect(counts).toEqual({ createGroup: 15, addGroupMembers: 21, updateGroup: 16, setGroupMemberRole: 10 });
  // Nothing released yet: the mutations answered without the releaser.
  expect(await groupHistory(kit, groupId)).toEqual([]);

  fixture.app.events.startReleasing();
  await fixture.app.events.releasedSoFar();
  expect((await groupHistory(kit, groupId)).map((event) => event.__typename)).toEqual([
    'GroupCreated',
    ...Array<string>(3).fill('MembersAdded'),
    ...Array<string>(3).fill('GroupProfileUpdated'),
    ...Array<string>(3).fill('MemberRoleChanged'),
  ]);
});
