import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { OriginSelector, type OriginSwitch } from '../../src/im/origins.js';
import { clientFor, emulatorLog, startFixtureEmulator } from '../fixtures/im.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('origin selection with hysteresis', () => {
  const PRIMARY = 'http://primary.test';
  const BACKUP = 'http://backup.test';

  function selector() {
    let now = 0;
    const switches: OriginSwitch[] = [];
    const origins = new OriginSelector([PRIMARY, BACKUP], 30_000, () => now, (change) => switches.push(change));
    return { origins, switches, advance: (ms: number) => (now += ms) };
  }

  it('leaves a failing primary for the failback period even when the backup fails too', () => {
    const { origins, switches, advance } = selector();
    origins.reportFailure(origins.current());
    expect(origins.current()).toBe(BACKUP);
    // The backup answers 5xx now and then, and late failures of calls sent to the primary come back.
    for (let i = 0; i < 100; i++) {
      advance(250);
      origins.reportFailure(BACKUP);
      origins.reportFailure(PRIMARY);
      expect(origins.current()).toBe(BACKUP);
    }
    expect(switches).toEqual([{ from: PRIMARY, to: BACKUP, reason: 'failover' }]);
  });

  it('tries the primary again once per failback period, one switch each way', () => {
    const { origins, switches, advance } = selector();
    origins.reportFailure(origins.current());
    advance(29_999);
    expect(origins.current()).toBe(BACKUP);
    advance(1);
    expect(origins.current()).toBe(PRIMARY);
    // Still dead: back to the backup at once (it did not fail), and the primary rests again.
    origins.reportFailure(PRIMARY);
    expect(origins.current()).toBe(BACKUP);
    advance(10_000);
    expect(origins.current()).toBe(BACKUP);
    expect(switches.map((change) => change.reason)).toEqual(['failover', 'failback', 'failover']);
  });

  it('a healthy primary is kept: a backup failure never moves calls', () => {
    const { origins, switches } = selector();
    origins.reportFailure(BACKUP);
    expect(origins.current()).toBe(PRIMARY);
    expect(switches).toEqual([]);
  });
});

describe('a dead primary under load', () => {
  let primary: RunningEmulator;
  let backup: RunningEmulator;

  it('is left once: one warning, no call sent to it after the switch', async () => {
    primary = await startFixtureEmulator({ faults: { error500Rate: 1 } });
    backup = await startFixtureEmulator({ seed: 3, faults: { error500Rate: 0.3 } });
    cleanups.push(() => primary.close(), () => backup.close());
    const fixture = clientFor([primary.url, backup.url], { failbackAfterMs: 30_000 });
    cleanups.push(() => fixture.close());

    // The first call finds the primary dead; the next 200, 20 at a time, all go to the backup.
    await fixture.client.createGroup({ groupId: 'first', groupName: 'First', userIds: ['a'] });
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < 200) {
          const i = next++;
          await fixture.client.createGroup({ groupId: `g${i}`, groupName: `G${i}`, userIds: ['a'] }).catch(() => undefined);
        }
      }),
    );

    expect(await emulatorLog(primary)).toHaveLength(1);
    expect((await emulatorLog(backup)).some((entry) => entry.code === 1000)).toBe(true);
    expect(fixture.logLines.filter((line) => line.includes('im origin failing, switching'))).toHaveLength(1);
  });
});
