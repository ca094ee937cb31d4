import { afterAll, afterEach, expect } from 'vitest';
import { UNHANDLED_REJECTION_MESSAGE } from '../../src/process-guard.js';
import { capturedContaining } from '../fixtures/secrets.js';

/**
 * No unhandled rejection anywhere in the suite. Vitest itself fails the run on one (its
 * `dangerouslyIgnoreUnhandledErrors` stays off); this names the test it happened in, and
 * covers the gateway processes the tests start: their guard (src/process-guard.ts) keeps
 * them up and logs the rejection, and that log line fails the file that captured it
 * (test/fixtures/process.ts fails the very test, for the processes it starts).
 */
const rejections: string[] = [];
process.on('unhandledRejection', (reason) => {
  rejections.push(reason instanceof Error ? `${reason.name}: ${reason.message}\n${reason.stack ?? ''}` : String(reason));
});

afterEach(() => {
  expect(rejections.splice(0), 'an unhandled rejection happened during this test').toEqual([]);
});

afterAll(() => {
  expect(capturedContaining(UNHANDLED_REJECTION_MESSAGE), 'a gateway process logged an unhandled rejection').toEqual([]);
});
