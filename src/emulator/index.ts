export {
  startEmulator,
  DEFAULT_APP_KEY,
  DEFAULT_APP_SECRET,
  type EmulatorOptions,
  type RunningEmulator,
} from './server.js';
export type { Faults, FaultKind } from './faults.js';
export type { LoggedRequest } from './request-log.js';
export type { PublishedMessage } from './state.js';
