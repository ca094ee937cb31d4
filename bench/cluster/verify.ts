/**
 * The cluster scenario's verdict: every group asked for is in the store and at the IM Service once,
 * with the members asked for; the outbox drained; the gateways lived; and the rate figures read off
 * the emulator's log.
 */
import { maxInAnyWindow, ratePerSecond, ratePerWholeBudgets } from '../../src/emulator/log-stats.js';
import { GROUP_CALLS } from '../../src/im/index.js';
import type { LoadOutcome, Planned, RedisOutage } from './load.js';
import type { Observation } from './observe.js';
import type { ResolvedOptions } from './options.js';
import type { RedisRestart, ScenarioResult } from './result.js';

export function verify(load: LoadOutcome, seen: Observation, options: ResolvedOptions): ScenarioResult {
  const { state, log, imGroups } = seen;
  const groupCalls = log.filter((entry) => entry.path.startsWith('/group/'));
  const createCalls = groupCalls.filter((entry) => entry.path === '/group/create.json');
  // The rate counts the measured requests' calls only: every warm-up call was answered before the pause.
  const createTimes = createCalls.filter((entry) => entry.at >= load.loadStartedAt).map((entry) => entry.at).sort((a, b) => a - b);
  const createOk = createCalls.filter((entry) => entry.code === 200).length;
  const imDuplicateCreates = Math.max(0, createOk - imGroups.length);
  const storeExtraRows = state.groups - state.distinct;
  const everyGroup = [...load.warmups, ...load.planned];
  const { missingInStore, missingAtIm, memberMismatches, strangers } = compareGroups(everyGroup, seen);
  const steadyTimes = createTimes.slice(100);
  const cycles = createTimes.slice(200).map((at, i) => at - createTimes[i + 100]!);

  const problems: string[] = [];
  const wrongAnswers = Object.entries(load.answers).filter(([answer]) => answer !== 'CreateGroupSuccess');
  if (wrongAnswers.length > 0) problems.push(`final answers other than CreateGroupSuccess: ${JSON.stringify(Object.fromEntries(wrongAnswers))}`);
  if (state.notSynced > 0 || state.pendingOutbox > 0) {
    problems.push(`not drained after ${options.drainTimeoutMs} ms: ${state.notSynced} groups not SYNCED, ${state.pendingOutbox} outbox rows PENDING`);
  }
  if (state.failedOutbox > 0) problems.push(`${state.failedOutbox} outbox rows FAILED`);
  if (missingInStore.length > 0) problems.push(`${missingInStore.length} groups missing in PostgreSQL, e.g. ${missingInStore.slice(0, 5).join(', ')}`);
  if (missingAtIm.length > 0) problems.push(`${missingAtIm.length} groups missing at the IM Service, e.g. ${missingAtIm.slice(0, 5).join(', ')}`);
  if (memberMismatches.length > 0) problems.push(`${memberMismatches.length} groups with other members, e.g. ${memberMismatches.slice(0, 3).join('; ')}`);
  if (strangers.length > 0) problems.push(`${strangers.length} groups nobody asked for, e.g. ${strangers.slice(0, 5).join(', ')}`);
  if (seen.storeDuplicates.length > 0 || storeExtraRows > 0) {
    problems.push(`PostgreSQL holds ${storeExtraRows} extra group rows (${seen.storeDuplicates.map((row) => `${row.group_id}×${row.n}`).join(', ')})`);
  }
  if (imDuplicateCreates > 0) problems.push(`the IM Service acted on ${imDuplicateCreates} create calls beyond one per group (${createOk} successful for ${imGroups.length} groups)`);
  if (seen.gatewayExits.length > 0) problems.push(`gateways exited during the run: ${seen.gatewayExits.join('; ')}`);

  const redisRestart = load.redisOutage ? recovery(load.redisOutage, groupCalls.map((entry) => entry.at), createTimes, seen.stateLostLogs) : null;
  if (!load.redisOutage && options.restartRedisAfterAnswers !== undefined) problems.push('Redis was never restarted (too few answers?)');

  return {
    instances: options.instances,
    requests: options.requests,
    maxInAnyWindow: maxInAnyWindow(groupCalls.map((entry) => entry.at)),
    ratePerSecond: round(ratePerWholeBudgets(createTimes, GROUP_CALLS.limit)),
    rejected1008: log.filter((entry) => entry.code === 1008).length,
    duplicates: storeExtraRows + imDuplicateCreates,
    details: {
      groupCalls: groupCalls.length,
      createCalls: createCalls.length,
      createOk,
      storeGroups: state.groups,
      storeDistinct: state.distinct,
      imGroups: imGroups.length,
      imDuplicateCreates,
      missingInStore,
      missingAtIm,
      memberMismatches,
      notSynced: state.notSynced,
      pendingOutbox: state.pendingOutbox,
      failedOutbox: state.failedOutbox,
      answers: load.answers,
      retries: load.retries,
      warmupRequests: load.warmups.length,
      loadMs: load.loadMs,
      drainedAfterMs: seen.drainedAfterMs,
      gatewayWarnings: seen.gatewayWarnings,
      gatewayExits: seen.gatewayExits,
      first100Ms: createTimes.length >= 100 ? createTimes[99]! - createTimes[0]! : NaN,
      steadyRatePerSecond: round(ratePerSecond(steadyTimes)),
      rateFromFirstCall: round(ratePerSecond(createTimes)),
      slotCycleMs: cycles.length > 0 ? round(cycles.reduce((sum, ms) => sum + ms, 0) / cycles.length, 1) : NaN,
      idleBudget: seen.idleBudget,
    },
    redisRestart,
    problems,
  };
}

/** Each requested group against the store and the IM Service, and the groups nobody requested. */
function compareGroups(everyGroup: Planned[], seen: Observation) {
  const imMembers = new Map(seen.imGroups.map((group) => [group.groupId, group.members]));
  const missingInStore: string[] = [];
  const missingAtIm: string[] = [];
  const memberMismatches: string[] = [];
  for (const request of everyGroup) {
    const expected = [request.ownerId, ...request.memberIds];
    const inStore = seen.storeMembers.get(request.groupId);
    const atIm = imMembers.get(request.groupId);
    if (!inStore) missingInStore.push(request.groupId);
    if (!atIm) missingAtIm.push(request.groupId);
    if ((inStore && !sameMembers(inStore, expected)) || (atIm && !sameMembers(atIm, expected))) {
      memberMismatches.push(`${request.groupId}: expected ${expected.join(',')}, store ${inStore?.join(',') ?? '-'}, IM ${atIm?.join(',') ?? '-'}`);
    }
  }
  const requested = new Set(everyGroup.map((request) => request.groupId));
  const strangers = [...new Set([...seen.storeMembers.keys(), ...imMembers.keys()])].filter((id) => !requested.has(id));
  return { missingInStore, missingAtIm, memberMismatches, strangers };
}

/** How the group calls went on once redis-server was killed and came back empty. */
function recovery(outage: RedisOutage, groupCallTimes: number[], createTimes: number[], stateLostLogs: number): RedisRestart {
  const times = [...groupCallTimes].sort((a, b) => a - b);
  const firstAfter = times.find((at) => at >= outage.backAt);
  const fromStop = times.filter((at) => at >= outage.stoppedAt);
  const lastCreate = createTimes.at(-1) ?? 0;
  const afterRecovery = createTimes.filter((at) => firstAfter !== undefined && at >= firstAfter && at <= lastCreate);
  return {
    stoppedAt: outage.stoppedAt,
    backAt: outage.backAt,
    firstCallAfterMs: firstAfter === undefined ? null : firstAfter - outage.backAt,
    longestGapMs: longestGap(fromStop),
    rateAfterRecovery: round(ratePerSecond(afterRecovery)),
    stateLostLogs,
  };
}

function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function longestGap(times: number[]): number {
  let gap = 0;
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i]! - times[i - 1]!);
  return gap;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((value, i) => value === sortedB[i]);
}

