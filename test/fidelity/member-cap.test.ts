import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ImRejectedError } from '../../src/im/index.js';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorGroup, rejectionOf } from '../fixtures/im.js';

describe('IM_MAX_GROUP_MEMBERS', () => {
  it('is read and validated at start-up (default 3000)', () => {
    expect(loadConfig({}).maxGroupMembers).toBe(3000);
    expect(loadConfig({ IM_MAX_GROUP_MEMBERS: '5' }).maxGroupMembers).toBe(5);
    for (const bad of ['0', '1', 'many', '2.5', '1000001']) {
      expect(() => loadConfig({ IM_MAX_GROUP_MEMBERS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ IM_MAX_GROUP_MEMBERS: bad })).toThrow(/IM_MAX_GROUP_MEMBERS/);
    }
  });

  describe('set to 5', () => {
    let fixture: GatewayKit;
    beforeAll(async () => {
      fixture = await startKit({ config: loadConfigWith('5') });
    });
    afterAll(() => fixture.close());

    it('makes the 6th member a MemberLimitExceededError { limit: 5 }, on create and on add', async () => {
      const tooMany = await fixture.response.createGroup({ groupId: 'six', name: 'Six', memberIds: ['b', 'c', 'd', 'e', 'f'], notify: false }, { as: 'a' });
      expect(tooMany.data?.createGroup).toMatchObject({ __typename: 'MemberLimitExceededError', limit: 5, requested: 6 });
      const refused = tooMany.data?.createGroup;
      expect(refused?.__typename === 'MemberLimitExceededError' && refused.message).toContain('at most 5 members');

      const five = await fixture.response.createGroup({ groupId: 'five', name: 'Five', memberIds: ['b', 'c', 'd', 'e'], notify: false }, { as: 'a' });
      expect(five.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { memberCount: 5, syncStatus: 'SYNCED' } });
      const sixth = await fixture.response.addGroupMembers({ groupId: 'five', userIds: ['f'], notify: false }, { as: 'a' });
      // `message` is read by the kit's shared error selection.
      expect(sixth.data?.addGroupMembers).toEqual({ __typename: 'MemberLimitExceededError', limit: 5, requested: 6, message: expect.any(String) });
      expect((await emulatorGroup(fixture.emulator, 'five'))?.members).toHaveLength(5);
    });

    it('is the embedded emulator’s cap too: a sixth member sent straight to it is refused with 1002', async () => {
      await eventually(async () => (await emulatorGroup(fixture.emulator, 'five'))?.members.length === 5);
      const error = await rejectionOf(fixture.app.im.joinGroup({ groupId: 'five', userIds: ['f'] }));
      expect(error).toBeInstanceOf(ImRejectedError);
      expect(error).toMatchObject({ imCode: 1002 });
    });
  });
});

function loadConfigWith(cap: string) {
  const { maxGroupMembers } = loadConfig({ IM_MAX_GROUP_MEMBERS: cap });
  return { maxGroupMembers };
}
