import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorModeration } from '../kit/emulator.js';
import { ADMIN, groupWithRoles, MEMBER, OUTSIDER, OWNER, titled, type Caller } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * Who may mute (src/groups/permissions.ts, `muteMembers`, `muteGroup`, `authorizeMute`): the owner
 * and admins; nobody mutes the owner; admins cannot mute or unmute admins (themselves included),
 * the owner can. One fresh group per cell, with a second admin and a plain member ('bystander')
 * to act on, so no actor is the target of its own change.
 */
const ANONYMOUS = 'anonymous';
const BYSTANDER = 'bystander';
const SECOND_ADMIN = 'admin2';
const ACTORS = [OWNER, ADMIN, MEMBER, OUTSIDER, ANONYMOUS] as const;
type Actor = (typeof ACTORS)[number];
type Run = (gateway: GatewayKit, groupId: string, as: Caller) => Promise<{ __typename: string }>;

const ACTIONS = {
  'muteGroupMembers (a plain member)': (gateway, groupId, as) => gateway.muteGroupMembers({ groupId, userIds: [BYSTANDER], minutes: 10 }, { as }),
  'unmuteGroupMembers (a plain member)': (gateway, groupId, as) => gateway.unmuteGroupMembers({ groupId, userIds: [BYSTANDER] }, { as }),
  'setGroupMuted (true)': (gateway, groupId, as) => gateway.setGroupMuted({ groupId, muted: true }, { as }),
} satisfies Record<string, Run>;

const FORBIDDEN = 'ForbiddenError';
const ANON = 'NotAuthenticatedError';
const MATRIX: Record<keyof typeof ACTIONS, readonly [string, string, string, string, string]> = {
  'muteGroupMembers (a plain member)': ['MuteGroupMembersSuccess', 'MuteGroupMembersSuccess', FORBIDDEN, FORBIDDEN, ANON],
  'unmuteGroupMembers (a plain member)': ['UnmuteGroupMembersSuccess', 'UnmuteGroupMembersSuccess', FORBIDDEN, FORBIDDEN, ANON],
  'setGroupMuted (true)': ['SetGroupMutedSuccess', 'SetGroupMutedSuccess', FORBIDDEN, FORBIDDEN, ANON],
};

interface Cell {
  actor: Actor;
  action: string;
  expected: string;
  run: Run;
}

const MATRIX_CELLS: Cell[] = (Object.keys(MATRIX) as Array<keyof typeof ACTIONS>).flatMap((action) =>
  ACTORS.map((actor, column) => ({ actor, action, expected: MATRIX[action][column]!, run: ACTIONS[action] })),
);

const mute = (userId: string): Run => (gateway, groupId, as) => gateway.muteGroupMembers({ groupId, userIds: [userId], minutes: 10 }, { as });
const unmute = (userId: string): Run => (gateway, groupId, as) => gateway.unmuteGroupMembers({ groupId, userIds: [userId] }, { as });

/** Muting depends on whom: the owner is never muted; admins are muted by the owner only. */
const TARGET_CELLS: Cell[] = [
  { actor: ADMIN, action: 'muteGroupMembers (the owner)', expected: FORBIDDEN, run: mute(OWNER) },
  { actor: OWNER, action: 'muteGroupMembers (the owner, themselves)', expected: FORBIDDEN, run: mute(OWNER) },
  { actor: ADMIN, action: 'muteGroupMembers (another admin)', expected: FORBIDDEN, run: mute(SECOND_ADMIN) },
  { actor: ADMIN, action: 'muteGroupMembers (themselves)', expected: FORBIDDEN, run: mute(ADMIN) },
  { actor: ADMIN, action: 'unmuteGroupMembers (another admin)', expected: FORBIDDEN, run: unmute(SECOND_ADMIN) },
  { actor: OWNER, action: 'muteGroupMembers (an admin)', expected: 'MuteGroupMembersSuccess', run: mute(SECOND_ADMIN) },
  { actor: OWNER, action: 'unmuteGroupMembers (an admin)', expected: 'UnmuteGroupMembersSuccess', run: unmute(SECOND_ADMIN) },
  {
    actor: ADMIN,
    action: 'muteGroupMembers (a plain member and another admin: all refused)',
    expected: FORBIDDEN,
    run: (gateway, groupId, as) => gateway.muteGroupMembers({ groupId, userIds: [BYSTANDER, SECOND_ADMIN], minutes: 10 }, { as }),
  },
];

let gateway: GatewayKit;
beforeAll(async () => {
  gateway = await startKit();
});
afterAll(() => gateway.close());

describe('the permission matrix of moderation', () => {
  it.for(titled([...MATRIX_CELLS, ...TARGET_CELLS], (cell) => `${cell.actor}: ${cell.action} → ${cell.expected}`))('%s', async ([, { actor, run, expected }]) => {
    const groupId = await groupWithRoles(gateway, { admins: [SECOND_ADMIN], members: [BYSTANDER], notify: false });
    const answer = await run(gateway, groupId, actor === ANONYMOUS ? undefined : actor);
    expect(answer.__typename).toBe(expected);
    // A refusal changes nothing at the IM Service either.
    if (expected !== answer.__typename || !expected.endsWith('Success')) {
      expect(await emulatorModeration(gateway.emulator, groupId)).toEqual({ groupId, banned: false, whitelist: [], gagged: [] });
    }
  });
});
