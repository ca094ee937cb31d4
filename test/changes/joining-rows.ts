import type { GatewayKit } from '../kit/gateway-kit.js';
import { OWNER } from '../kit/factories.js';
import type { MutationCase } from './every-mutation.js';

/**
 * The joining mutations' rows of the every-mutation table. Requests, invitations and links are
 * the group's own rows (`effects` reads them); a link's code and id, made in `prepare`, are
 * kept here by group id for the row's input.
 */
const links = new Map<string, { code: string; linkId: string }>();

async function policy(kit: GatewayKit, groupId: string, joinPolicy: 'REQUEST' | 'OPEN'): Promise<void> {
  await kit.must.updateGroup({ groupId, joinPolicy, notify: false } as never, { as: OWNER });
}

async function requests(kit: GatewayKit, groupId: string, userIds: string[]): Promise<void> {
  await policy(kit, groupId, 'REQUEST');
  for (const userId of userIds) await kit.must.requestToJoinGroup({ groupId }, { as: userId });
}

async function link(kit: GatewayKit, groupId: string): Promise<void> {
  const { link: made } = await kit.must.createGroupInviteLink({ groupId }, { as: OWNER });
  links.set(groupId, { code: made.code!, linkId: made.linkId });
}

const linkOf = (groupId: string) => links.get(groupId) ?? { code: 'unprepared0000000000', linkId: '0'.repeat(32) };

export const JOINING_ROWS: readonly MutationCase[] = [
  {
    name: 'requestToJoinGroup',
    as: 'asker',
    input: (groupId) => ({ groupId, message: 'hello' }),
    other: (groupId) => ({ groupId, message: 'hello again' }),
    reachesIm: false,
    prepare: (kit, groupId) => policy(kit, groupId, 'REQUEST'),
  },
  {
    name: 'approveJoinRequests',
    as: OWNER,
    input: (groupId) => ({ groupId, userIds: ['asker'] }),
    other: (groupId) => ({ groupId, userIds: ['asker2'] }),
    reachesIm: true,
    prepare: (kit, groupId) => requests(kit, groupId, ['asker', 'asker2']),
  },
  {
    name: 'declineJoinRequests',
    as: OWNER,
    input: (groupId) => ({ groupId, userIds: ['asker'] }),
    other: (groupId) => ({ groupId, userIds: ['asker2'] }),
    reachesIm: false,
    prepare: (kit, groupId) => requests(kit, groupId, ['asker', 'asker2']),
  },
  {
    name: 'cancelJoinRequest',
    as: 'asker',
    input: (groupId) => ({ groupId }),
    other: (groupId) => ({ groupId: `${groupId}x` }),
    reachesIm: false,
    prepare: (kit, groupId) => requests(kit, groupId, ['asker']),
  },
  {
    name: 'joinGroup',
    as: 'joiner',
    input: (groupId) => ({ groupId }),
    other: (groupId) => ({ groupId, notify: false }),
    reachesIm: true,
    prepare: (kit, groupId) => policy(kit, groupId, 'OPEN'),
  },
  {
    name: 'inviteToGroup',
    as: OWNER,
    input: (groupId) => ({ groupId, userIds: ['guest'] }),
    other: (groupId) => ({ groupId, userIds: ['guest2'] }),
    reachesIm: false,
  },
  {
    name: 'acceptGroupInvitation',
    as: 'guest',
    input: (groupId) => ({ groupId }),
    other: (groupId) => ({ groupId, notify: false }),
    reachesIm: true,
    prepare: async (kit, groupId) => void (await kit.must.inviteToGroup({ groupId, userIds: ['guest'] }, { as: OWNER })),
  },
  {
    name: 'declineGroupInvitation',
    as: 'guest',
    input: (groupId) => ({ groupId }),
    other: (groupId) => ({ groupId: `${groupId}x` }),
    reachesIm: false,
    prepare: async (kit, groupId) => void (await kit.must.inviteToGroup({ groupId, userIds: ['guest'] }, { as: OWNER })),
  },
  {
    name: 'createGroupInviteLink',
    as: OWNER,
    input: (groupId) => ({ groupId, maxUses: 5 }),
    other: (groupId) => ({ groupId, maxUses: 6 }),
    reachesIm: false,
  },
  {
    name: 'revokeGroupInviteLink',
    as: OWNER,
    input: (groupId) => ({ linkId: linkOf(groupId).linkId }),
    other: () => ({ linkId: 'f'.repeat(32) }),
    reachesIm: false,
    prepare: link,
  },
  {
    name: 'joinGroupByInviteLink',
    as: 'linker',
    input: (groupId) => ({ code: linkOf(groupId).code }),
    other: (groupId) => ({ code: linkOf(groupId).code, notify: false }),
    reachesIm: true,
    prepare: link,
  },
];
