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

  it('probes the primary with one call per failback period while the other calls stay on the backup', () => {
    const { origins, switches, advance } = selector();
    origins.reportFailure(origins.current());
    advance(29_999);
    expect(origins.current()).toBe(BACKUP);
    advance(1);
    // The rest is over: one call is the probe, every other call sent meanwhile stays on the backup.
    expect(origins.current()).toBe(PRIMARY);
    for (let i = 0; i < 50; i++) {
      advance(100);
      expect(origins.current()).toBe(BACKUP);
    }
    // Still dead: the probe fails, the primary rests again, calls never left the backup.
    origins.reportFailure(PRIMARY);
    expect(origins.current()).toBe(BACKUP);
    advance(29_999);
    expect(origins.current()).toBe(BACKUP);
    advance(1);
    expect(origins.current()).toBe(PRIMARY);
    expect(origins.current()).toBe(BACKUP);
    expect(switches.map((change) => change.reason)).toEqual(['failover']);
  });

  it('switches back once the probe succeeds, with one log line', () => {
    const { origins, switches, advance } = selector();
    origins.reportFailure(origins.current());
    advance(30_000);
    expect(origins.current()).toBe(PRIMARY);
    expect(origins.current()).toBe(BACKUP);
    origins.reportSuccess(BACKUP);
    expect(origins.current()).toBe(BACKUP);
    origins.reportSuccess(PRIMARY);
    for (let i = 0; i < 10; i++) expect(origins.current()).toBe(PRIMARY);
    expect(switches).toEqual([
      { from: PRIMARY, to: BACKUP, reason: 'failover' },
      { from: BACKUP, to: PRIMARY, reason: 'failback' },
    ]);
  });

  it('without a success report, switches back when no failure of the probe was heard for the probe window', () => {
    const { origins, switches, advance } = selector();
    origins.reportFailure(origins.current());
    advance(30_000);
    expect(origins.current()).toBe(PRIMARY);
    advance(29_999);
    expect(origins.current()).toBe(BACKUP);
    advance(1);
    expect(origins.current()).toBe(PRIMARY);
    expect(switches.map((change) => change.reason)).toEqual(['failover', 'failback']);
  });

  it('a backup failure during the probe does not send calls to the primary being probed', () => {
    const { origins, switches, advance } = selector();
    origins.reportFailure(origins.current());
    advance(30_000);
    expect(origins.current()).toBe(PRIMARY);
    origins.reportFailure(BACKUP);
    expect(origins.current()).toBe(BACKUP);
    expect(switches.map((change) => change.reason)).toEqual(['failover']);
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

  it('that hangs gets one probe after the rest: the calls sent meanwhile stay on the backup and answer', async () => {
    primary = await startFixtureEmulator({ faults: { hangRate: 1 } });
    backup = await startFixtureEmulator({ seed: 3 });
    cleanups.push(() => primary.close(), () => backup.close());
    const fixture = clientFor([primary.url, backup.url], { failbackAfterMs: 300, attemptTimeoutMs: 2000 });
    cleanups.push(() => fixture.close());

    // The first call times out at the primary and is retried at the backup.
    await fixture.client.createGroup({ groupId: 'first', groupName: 'First', userIds: ['a'] });
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The rest is over: 20 calls at once; one of them probes the primary (and waits out its timeout).
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => fixture.client.createGroup({ groupId: `h${i}`, groupName: `H${i}`, userIds: ['a'] })),
    );

    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(await emulatorLog(primary)).toHaveLength(2);
    expect((await emulatorLog(backup)).filter((entry) => entry.path === '/group/create.json')).toHaveLength(21);
    expect(fixture.logLines.filter((line) => line.includes('im origin failing, switching'))).toHaveLength(1);
    expect(fixture.logLines.filter((line) => line.includes('im origin failback'))).toHaveLength(0);
  }, 30_000);
});
