import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { emulatorModeration } from '../kit/emulator.js';
import { resetEmulator, signedPost, startTestEmulator } from './fixtures.js';

/** The emulator's moderation endpoints refuse what the vendor documents as out of bounds (code 1002), changing nothing. */
describe('emulator moderation endpoints: the vendor’s limits', () => {
  let emulator: RunningEmulator;
  const users = (count: number) => Array.from({ length: count }, (_, i) => `u${i}`);

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  it.for([
    ['/group/user/gag/add.json', { groupId: 'g1', userId: users(21), minute: '5' }, '21 users'],
    ['/group/user/gag/add.json', { groupId: 'g1', userId: ['u1'], minute: '43201' }, 'over 43 200 minutes'],
    ['/group/user/gag/add.json', { groupId: 'g1', userId: ['u1'] }, 'no minute'],
    ['/group/user/gag/add.json', { userId: ['u1'], minute: '5' }, 'no groupId (every group: not modelled)'],
    ['/group/user/gag/rollback.json', { groupId: 'g1', userId: users(21) }, '21 users'],
    ['/group/user/ban/whitelist/add.json', { groupId: 'g1', userId: users(21) }, '21 users'],
    ['/group/ban/add.json', { groupId: Array.from({ length: 21 }, (_, i) => `g${i}`) }, '21 groups'],
    ['/group/ban/add.json', {}, 'no group'],
  ] as const)('%s with %s… answers 1002', async ([path, params]) => {
    expect(await signedPost(emulator, path, params)).toMatchObject({ status: 400, body: { code: 1002 } });
    expect(await emulatorModeration(emulator, 'g1')).toEqual({ groupId: 'g1', banned: false, whitelist: [], gagged: [] });
  });

  it('takes 20 users and 43 200 minutes; 0 minutes is a permanent gag; a lapsed gag is forgotten', async () => {
    expect(await signedPost(emulator, '/group/user/gag/add.json', { groupId: 'g1', userId: users(20), minute: '43200' })).toMatchObject({ status: 200 });
    expect(await signedPost(emulator, '/group/user/gag/add.json', { groupId: 'g2', userId: ['u1'], minute: '0' })).toMatchObject({ status: 200 });
    expect((await emulatorModeration(emulator, 'g1')).gagged).toHaveLength(20);
    expect((await emulatorModeration(emulator, 'g2')).gagged).toEqual([{ userId: 'u1', until: null }]);
    expect(await signedPost(emulator, '/group/user/gag/list.json', { groupId: 'g2' })).toMatchObject({ body: { code: 200, users: [{ userId: 'u1', time: '' }] } });
  });

  it('answers the ban query per named group, or every banned group when none is named', async () => {
    await signedPost(emulator, '/group/ban/add.json', { groupId: ['g1', 'g2'] });
    expect((await signedPost(emulator, '/group/ban/query.json', { groupId: ['g1', 'g3'] })).body).toEqual({
      code: 200,
      groupinfo: [
        { groupId: 'g1', stat: 1 },
        { groupId: 'g3', stat: 0 },
      ],
    });
    expect((await signedPost(emulator, '/group/ban/query.json', {})).body).toEqual({
      code: 200,
      groupinfo: [
        { groupId: 'g1', stat: 1 },
        { groupId: 'g2', stat: 1 },
      ],
    });
  });
});
