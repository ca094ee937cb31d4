import { randomBytes } from 'node:crypto';
import {
  startEmulator,
  type EmulatorOptions,
  type Faults,
  type RunningEmulator,
} from '../../src/emulator/index.js';
import { computeSignature } from '../../src/im/sign.js';
import { emulatorGroup, postFaults } from '../kit/emulator.js';

/** Form parameters; an array repeats the key, as the IM Service expects for lists. */
export type FormParams = Record<string, string | readonly string[]>;

export interface ImBody {
  code: number;
  errorMessage?: string;
  [field: string]: unknown;
}

export interface ImReply {
  status: number;
  body: ImBody;
}

export interface SignOptions {
  /** The vendor docs send ms, the vendor SDKs seconds; both must work. */
  timestampUnit?: 'ms' | 's';
  /** Send `RC-App-Key` etc. instead of `App-Key`. */
  rcPrefix?: boolean;
  appKey?: string;
  secret?: string;
  nonce?: string;
  /** Replaces the current time (ms, or s with `timestampUnit: 's'`). */
  timestamp?: string;
  /** Replaces the computed signature. */
  signature?: string;
  requestId?: string;
  signal?: AbortSignal;
}

export interface GroupView {
  groupId: string;
  name: string;
  members: string[];
}

export function encodeForm(params: FormParams): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of typeof value === 'string' ? [value] : value) form.append(key, item);
  }
  return form.toString();
}

export function signedHeaders(emulator: RunningEmulator, options: SignOptions = {}): Record<string, string> {
  const nonce = options.nonce ?? randomBytes(8).toString('hex');
  const now = Date.now();
  const timestamp = options.timestamp ?? String(options.timestampUnit === 's' ? Math.floor(now / 1000) : now);
  const prefix = options.rcPrefix ? 'RC-' : '';
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    [`${prefix}App-Key`]: options.appKey ?? emulator.appKey,
    [`${prefix}Nonce`]: nonce,
    [`${prefix}Timestamp`]: timestamp,
    [`${prefix}Signature`]:
      options.signature ?? computeSignature(options.secret ?? emulator.appSecret, nonce, timestamp),
  };
  if (options.requestId !== undefined) headers['X-Request-ID'] = options.requestId;
  return headers;
}

/** One signed IM call through real HTTP. `params` may be a prepared body string. */
export async function signedPost(
  emulator: RunningEmulator,
  path: string,
  params: FormParams | string = {},
  options: SignOptions = {},
): Promise<ImReply> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: signedHeaders(emulator, options),
    body: typeof params === 'string' ? params : encodeForm(params),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as ImBody };
}

export async function getJson<T>(emulator: RunningEmulator, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulator.url}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

export async function postJson<T>(
  emulator: RunningEmulator,
  path: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function groupView(emulator: RunningEmulator, groupId: string): Promise<GroupView | undefined> {
  return (await emulatorGroup(emulator, groupId)) ?? undefined;
}

export {
  emulatorGroups as allGroups,
  emulatorLog as requestLog,
  emulatorMessages as messages,
  resetEmulator,
} from '../kit/emulator.js';

export async function setFaults(emulator: RunningEmulator, faults: Partial<Faults>): Promise<void> {
  await postFaults(emulator, faults);
}

export function userIds(count: number, prefix = 'u'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Generous limits by default so that only the rate tests meet the window. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ seed: 1, rateLimits: { group: 100_000, publish: 100_000 }, ...options });
}
