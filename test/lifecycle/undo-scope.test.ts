import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN, OWNER } from '../kit/factories.js';
import { stageGroups, type StagedGateway } from '../kit/staging.js';

/**
 * An `updateGroup` the IM Service refuses is undone after its transaction committed (the IM call
 * comes after): the undo must put back only what that change wrote. Another admin's change that
 * committed in between (a description, attributes, the joining rules: no IM call) must stand.
 */
const WRONG_SECRET = 'wrong-secret-5d2c7a';
let staged: StagedGateway;

beforeAll(async () => {
  // Groups made by a gateway with the right secret; the one under test signs with a wrong one: every IM call is refused (1004).
  staged = await stageGroups(1, (im) => ({ im: { appKey: im.appKey, appSecret: WRONG_SECRET, baseUrls: [im.url] } }), {}, { settleNotices: true });
});
afterAll(() => staged?.close());

it("a refused rename, undone, keeps another admin's description and rules written meanwhile", async () => {
  const { gateway, emulator } = staged;
  const groupId = staged.groupIds[0]!;
  // The refusal takes a while to come back: long enough for another change to commit first.
  emulator.setFaults({ latencyMs: 1500 });
  try {
    const rename = gateway.updateGroup({ groupId, name: 'Refused name', notify: false }, { as: ADMIN });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const meanwhile = await gateway.updateGroup({ groupId, description: 'Written meanwhile', joinPolicy: 'OPEN', notify: false } as never, { as: OWNER });
    expect(meanwhile.__typename).toBe('UpdateGroupSuccess');

    expect(await rename).toMatchObject({ __typename: 'UpstreamError', retryable: false });
  } finally {
    emulator.setFaults({ latencyMs: 0 });
  }
  expect((await gateway.group({ groupId }, { as: OWNER })).data?.group?.name).toBe('Roles');
  expect((await gateway.groupJoining({ groupId }, { as: OWNER })).data?.group?.joinPolicy).toBe('OPEN');
  expect((await gateway.groupProfile({ groupId }, { as: OWNER })).data?.group?.description).toBe('Written meanwhile');
});
