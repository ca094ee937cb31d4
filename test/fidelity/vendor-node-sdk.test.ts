import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulatorGroup, emulatorLog, emulatorMessages, startFixtureEmulator } from '../fixtures/im.js';

/**
 * The vendor's own Node server SDK (`rongcloud-sdk` 3.1.1, npm), pointed at the emulator through
 * its `api` option, calls every group and message endpoint the gateway uses; each must answer it
 * as the service would. `/user/group/query.json` is the one endpoint the gateway uses that this
 * SDK does not have (its User module has no group query); test/emulator/fidelity.test.ts covers it.
 *
 * The SDK's own habits, which the emulator must tolerate: it signs once at `init` (one Nonce and a
 * Timestamp in seconds for every request), percent-encodes `group[<id>]` keys, and resolves (does
 * not reject) with an error object when a call fails.
 */
interface SdkResult {
  code: number | string;
  [field: string]: unknown;
}
type Call<T> = (input: T) => Promise<SdkResult>;
interface VendorSdk {
  Group: {
    create: Call<{ id: string; name: string; members: Array<{ id: string }> }>;
    join: Call<{ id: string; name: string; member: { id: string } }>;
    quit: Call<{ id: string; member: { id: string } }>;
    dismiss: Call<{ id: string; member: { id: string } }>;
    update: Call<{ id: string; name: string }>;
    get: Call<{ id: string }>;
    sync: Call<{ id: string; groups: Array<{ id: string; name: string }> }>;
  };
  Message: { Group: { send: Call<{ senderId: string; targetId: string; objectName: string; content: unknown }> } };
}

const require = createRequire(import.meta.url);
const initSdk = require('rongcloud-sdk') as (config: { appkey: string; secret: string; api: string }) => VendorSdk;

describe('the vendor’s Node SDK (rongcloud-sdk) against the emulator', () => {
  let emulator: RunningEmulator;
  let sdk: VendorSdk;

  beforeAll(async () => {
    emulator = await startFixtureEmulator();
    sdk = initSdk({ appkey: emulator.appKey, secret: emulator.appSecret, api: emulator.url });
  });
  afterAll(() => emulator.close());

  it('creates, joins, quits, renames, reads, syncs, publishes to and dismisses a group', async () => {
    const { Group } = sdk;
    expect(await Group.create({ id: 'sdk1', name: 'SDK & co 🎉', members: [{ id: 'u1' }, { id: 'u2' }] })).toEqual({ code: 200 });
    expect(await Group.join({ id: 'sdk1', name: 'SDK & co 🎉', member: { id: 'u3' } })).toEqual({ code: 200 });
    expect(await Group.quit({ id: 'sdk1', member: { id: 'u2' } })).toEqual({ code: 200 });
    expect(await Group.update({ id: 'sdk1', name: 'Renamed = 100%' })).toEqual({ code: 200 });
    expect(await emulatorGroup(emulator, 'sdk1')).toEqual({ groupId: 'sdk1', name: 'Renamed = 100%', members: ['u1', 'u3'] });
    // The SDK renames the answer's `users` to `members`.
    expect(await Group.get({ id: 'sdk1' })).toEqual({ code: 200, members: [{ id: 'u1' }, { id: 'u3' }] });

    expect(await Group.sync({ id: 'u9', groups: [{ id: 'sdk2', name: 'Two' }, { id: 'sdk1', name: 'ignored' }] })).toEqual({ code: 200 });
    expect(await emulatorGroup(emulator, 'sdk2')).toEqual({ groupId: 'sdk2', name: 'Two', members: ['u9'] });
    expect((await emulatorGroup(emulator, 'sdk1'))?.members).toEqual(['u1', 'u3', 'u9']);

    const notice = { operatorUserId: 'u1', operation: 'Add', data: '{"targetUserIds":["u3"]}', message: 'u1 added u3', extra: '' };
    const sent = await sdk.Message.Group.send({ senderId: '__system__', targetId: 'sdk1', objectName: 'RC:GrpNtf', content: notice });
    expect(sent).toMatchObject({ code: 200, messageUIDs: [{ groupId: 'sdk1', messageUID: expect.any(String) }] });
    expect(await emulatorMessages(emulator)).toEqual([expect.objectContaining({ fromUserId: '__system__', toGroupId: 'sdk1', content: notice })]);

    expect(await Group.dismiss({ id: 'sdk1', member: { id: 'u1' } })).toEqual({ code: 200 });
    expect(await emulatorGroup(emulator, 'sdk1')).toBeNull();

    // Every call reached the emulator, signed as the SDK signs, and was answered 200.
    const log = await emulatorLog(emulator);
    expect(log.map((entry) => [entry.path, entry.status])).toEqual(
      [
        '/group/create.json',
        '/group/join.json',
        '/group/quit.json',
        '/group/refresh.json',
        '/group/user/query.json',
        '/group/sync.json',
        '/message/group/publish.json',
        '/group/dismiss.json',
      ].map((path) => [path, 200]),
    );
  });

  it('hears a refusal as a failure (the SDK maps a bad signature, 1004, to its own code 20000)', async () => {
    const wrong = initSdk({ appkey: emulator.appKey, secret: 'not-the-secret', api: emulator.url });
    const refused = await wrong.Group.update({ id: 'sdk2', name: 'Nope' });
    expect(refused.code).not.toBe(200);
    expect(refused.code).toBe('20000');
    expect((await emulatorGroup(emulator, 'sdk2'))?.name).toBe('Two');
  });
});
