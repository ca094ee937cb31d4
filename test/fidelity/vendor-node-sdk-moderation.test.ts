import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulatorLog, startFixtureEmulator } from '../fixtures/im.js';
import { emulatorModeration } from '../kit/emulator.js';

/**
 * The vendor's own Node server SDK (`rongcloud-sdk` 3.1.1) against the emulator's moderation
 * endpoints: member gags (`Group.Gag`, and its alias `Group.Mute.Member`), the whole-group ban
 * (`Group.Mute.All`) and the ban whitelist (`Group.Mute.Whitelist`). The SDK renames what it is
 * answered (`users` → `members`, `userId` → `id`, `groupinfo` → `groups`, `stat` → `isMuted`), so
 * each answer must carry the vendor's own field names for the SDK to find them.
 */
interface SdkResult {
  code: number | string;
  [field: string]: unknown;
}
type Call<T> = (input: T) => Promise<SdkResult>;
type Members = Array<{ id: string }>;
interface GagApi {
  add: Call<{ id: string; members: Members; minute: number }>;
  remove: Call<{ id: string; members: Members }>;
  getList: Call<{ id: string }>;
}
interface VendorSdk {
  Group: {
    Gag: GagApi;
    Mute: {
      Member: GagApi;
      All: { add: Call<{ groups: Members }>; remove: Call<{ groups: Members }>; getList: () => Promise<SdkResult> };
      Whitelist: { add: Call<{ id: string; members: Members }>; remove: Call<{ id: string; members: Members }>; getList: Call<{ id: string }> };
    };
  };
}

const require = createRequire(import.meta.url);
const initSdk = require('rongcloud-sdk') as (config: { appkey: string; secret: string; api: string }) => VendorSdk;

describe('the vendor’s Node SDK (rongcloud-sdk) against the emulator’s moderation endpoints', () => {
  let emulator: RunningEmulator;
  let sdk: VendorSdk;

  beforeAll(async () => {
    emulator = await startFixtureEmulator();
    sdk = initSdk({ appkey: emulator.appKey, secret: emulator.appSecret, api: emulator.url });
  });
  afterAll(() => emulator.close());

  it('gags and ungags members, bans and unbans groups, and keeps the whitelist, reading each back', async () => {
    const { Gag, Mute } = sdk.Group;
    const before = Date.now();
    expect(await Gag.add({ id: 'mod1', members: [{ id: 'u1' }, { id: 'u2' }], minute: 30 })).toEqual({ code: 200 });
    expect(await Mute.Member.add({ id: 'mod1', members: [{ id: 'u3' }], minute: 43_200 })).toEqual({ code: 200 });
    const listed = await Gag.getList({ id: 'mod1' });
    expect(listed).toEqual({
      code: 200,
      members: [
        { id: 'u1', time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) },
        { id: 'u2', time: expect.any(String) },
        { id: 'u3', time: expect.any(String) },
      ],
    });
    const gagged = (await emulatorModeration(emulator, 'mod1')).gagged;
    expect(gagged[0]!.until).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(gagged[2]!.until).toBeGreaterThanOrEqual(before + 43_200 * 60_000);
    expect(await Gag.remove({ id: 'mod1', members: [{ id: 'u1' }] })).toEqual({ code: 200 });
    expect((await emulatorModeration(emulator, 'mod1')).gagged.map((gag) => gag.userId)).toEqual(['u2', 'u3']);

    expect(await Mute.Whitelist.add({ id: 'mod1', members: [{ id: 'boss' }, { id: 'deputy' }] })).toEqual({ code: 200 });
    expect(await Mute.All.add({ groups: [{ id: 'mod1' }, { id: 'mod2' }] })).toEqual({ code: 200 });
    expect(await Mute.All.getList()).toEqual({ code: 200, groups: [{ id: 'mod1', isMuted: 1 }, { id: 'mod2', isMuted: 1 }] });
    expect(await Mute.Whitelist.getList({ id: 'mod1' })).toEqual({ code: 200, id: 'mod1', members: [{ id: 'boss' }, { id: 'deputy' }] });
    expect(await Mute.Whitelist.remove({ id: 'mod1', members: [{ id: 'deputy' }] })).toEqual({ code: 200 });
    expect(await Mute.All.remove({ groups: [{ id: 'mod2' }] })).toEqual({ code: 200 });
    expect(await emulatorModeration(emulator, 'mod1')).toMatchObject({ banned: true, whitelist: ['boss'] });
    expect(await emulatorModeration(emulator, 'mod2')).toMatchObject({ banned: false });

    const log = await emulatorLog(emulator);
    expect(log.every((entry) => entry.status === 200)).toBe(true);
  });

  it('is refused past the IM Service’s limits: a gag over 43 200 minutes, more than 20 users in one call', async () => {
    // The SDK checks the duration itself (its 20004), so the emulator's own rule is read over a plain form post elsewhere;
    // 21 users pass the SDK's own check and reach the emulator, which refuses them (1002).
    const members = Array.from({ length: 21 }, (_, i) => ({ id: `x${i}` }));
    const refused = await sdk.Group.Gag.add({ id: 'mod3', members, minute: 5 });
    expect(refused.code).not.toBe(200);
    // A local check the SDK rejects with (rather than resolving an error object).
    expect(await sdk.Group.Gag.add({ id: 'mod3', members: [{ id: 'x1' }], minute: 43_201 }).catch((error: unknown) => error)).toMatchObject({ code: '20004' });
    expect((await emulatorModeration(emulator, 'mod3')).gagged).toEqual([]);
  });
});
