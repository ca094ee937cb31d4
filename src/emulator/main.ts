/**
 * `npm run emulator`: the IM Service emulator as a standalone process for local development.
 * Env: EMULATOR_PORT (4010), IM_APP_KEY, IM_APP_SECRET, EMULATOR_GROUP_RATE, EMULATOR_PUBLISH_RATE, IM_MAX_GROUP_MEMBERS (3000).
 */
import { DEFAULT_APP_KEY, DEFAULT_APP_SECRET, startEmulator } from './index.js';

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    console.error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const appKey = process.env.IM_APP_KEY || undefined;
  const appSecret = process.env.IM_APP_SECRET || undefined;
  const emulator = await startEmulator({
    port: integerFromEnv('EMULATOR_PORT', 4010),
    host: '127.0.0.1',
    appKey,
    appSecret,
    rateLimits: {
      group: integerFromEnv('EMULATOR_GROUP_RATE', 100),
      publish: integerFromEnv('EMULATOR_PUBLISH_RATE', 20),
    },
    maxGroupMembers: integerFromEnv('IM_MAX_GROUP_MEMBERS', 3000),
  });

  console.log(`IM emulator listening on ${emulator.url}`);
  // Only the emulator's built-in dev credentials are printed; a secret from the env never is.
  const shownKey = appKey === undefined ? `${DEFAULT_APP_KEY} (default)` : appKey;
  const shownSecret = appSecret === undefined ? `${DEFAULT_APP_SECRET} (default)` : '(from IM_APP_SECRET)';
  console.log(`app key: ${shownKey}, app secret: ${shownSecret}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`IM emulator failed to start: ${(error as Error).message}`);
  process.exit(1);
});
