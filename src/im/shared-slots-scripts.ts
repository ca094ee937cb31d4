import type { Redis } from 'ioredis';

/**
 * The shared budget's state in Redis, per rate class, and the scripts that change it (each one
 * atomic, on Redis's own clock, so instances with skewed clocks still agree):
 * - `held`: a sorted set, one member per budget unit counted, scored by when it stops counting:
 *   while its call is in flight, a far expiry (only the slots of an instance that died ever reach
 *   it); once answered, one window and a margin after Redis heard of the answer (its window,
 *   counted on Redis's clock: the unit is free for any instance the moment it ends);
 * - `next`: the pacing's theoretical next start (see `StartPacing`), in ms (fractions kept);
 * - `state`: a token written once; an instance that finds another token (or none) knows Redis
 *   forgot the budget (a restart, a FLUSHALL, an eviction);
 * - `queued`: each instance's waiting units and when it last said so, for cluster-wide shedding;
 * - `freed`: the channel a given-back unit is announced on (with the ms until it frees), so a
 *   waiting instance asks at once, or sets its timer for that moment.
 */
export interface SharedSlotKeys {
  held: string;
  next: string;
  state: string;
  queued: string;
  freed: string;
}

export function sharedSlotKeys(keyPrefix: string, rateClassName: string): SharedSlotKeys {
  const base = `${keyPrefix}:im-${rateClassName}`;
  return { held: `${base}:held`, next: `${base}:next`, state: `${base}:state`, queued: `${base}:queued`, freed: `${base}:freed` };
}

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const STATE_CHECK = `local token = redis.call('GET', KEYS[2])
if token ~= ARGV[1] then return redis.error_reply('SHARED_STATE_LOST') end`;

/**
 * KEYS held, state, next; ARGV token, limit, weight, expirationMs, leaseId, burst, intervalMs →
 * {0, expiry} when taken; {-1, ms until enough units stop counting} when full (an in-flight unit's
 * far expiry when every unit is in flight: the caller then waits for an announcement); {-2, ms}
 * when the pacing puts the start that far ahead (see `StartPacing`).
 */
const TAKE = `${STATE_CHECK}
${NOW}
local limit, weight, expiration = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local burst, interval = tonumber(ARGV[6]), tonumber(ARGV[7])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local held = redis.call('ZCARD', KEYS[1])
if held + weight > limit then
  local freeing = redis.call('ZRANGE', KEYS[1], held + weight - limit - 1, held + weight - limit - 1, 'WITHSCORES')
  return {-1, tonumber(freeing[2]) - now}
end
local nextStart = tonumber(redis.call('GET', KEYS[3]) or '0')
local allowed = nextStart - (burst - 1) * interval
if allowed > now then return {-2, math.ceil(allowed - now)} end
redis.call('SET', KEYS[3], math.max(nextStart, now) + weight * interval, 'PX', 60000)
for i = 1, weight do redis.call('ZADD', KEYS[1], now + expiration, ARGV[5] .. ':' .. i) end
return {0, now + expiration}`;

/**
 * KEYS held; ARGV leaseId, weight, channel, keepMs. keepMs 0 frees the units now (nothing was
 * sent); more keeps them counted that long from now (the call was answered: its window, on Redis's
 * clock). Added, not updated: after Redis lost the budget the unit still counts until then.
 * Announces the ms until the units free.
 */
const RELEASE = `${NOW}
local keep = tonumber(ARGV[4])
for i = 1, tonumber(ARGV[2]) do
  if keep > 0 then redis.call('ZADD', KEYS[1], now + keep, ARGV[1] .. ':' .. i)
  else redis.call('ZREM', KEYS[1], ARGV[1] .. ':' .. i) end
end
redis.call('PUBLISH', ARGV[3], keep)
return 0`;

/**
 * KEYS held, state; ARGV a new token, then member/expiry pairs this instance still holds →
 * the token in force. The first instance to register after a loss writes its token; the others
 * adopt it, and each puts back the slots it still holds, so the budget forgets nothing still live.
 */
const REGISTER = `redis.call('SET', KEYS[2], ARGV[1], 'NX')
for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[1], 'NX', ARGV[i + 1], ARGV[i]) end
return redis.call('GET', KEYS[2])`;

/**
 * KEYS held, state, queued; ARGV token, clientId, queued units, freshMs → {units counted, units
 * queued in every live instance}. Called periodically: it is also the heartbeat that notices a loss.
 */
const STATS = `${STATE_CHECK}
${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3] .. ':' .. now)
local entries = redis.call('HGETALL', KEYS[3])
local queued = 0
for i = 1, #entries, 2 do
  local units, seen = string.match(entries[i + 1], '^(%d+):(%d+)$')
  if seen and now - tonumber(seen) <= tonumber(ARGV[4]) then queued = queued + tonumber(units)
  else redis.call('HDEL', KEYS[3], entries[i]) end
end
return {redis.call('ZCARD', KEYS[1]), queued}`;

export interface SharedSlotCommands {
  imSlotTake(held: string, state: string, next: string, ...args: Array<string | number>): Promise<[number, number]>;
  imSlotRelease(held: string, ...args: Array<string | number>): Promise<number>;
  imSlotRegister(held: string, state: string, ...args: Array<string | number>): Promise<string>;
  imSlotStats(held: string, state: string, queued: string, ...args: Array<string | number>): Promise<[number, number]>;
}

/** Teaches the connection the scripts (sent by SHA, and again in full after Redis forgets them). */
export function withSlotScripts(client: Redis): Redis & SharedSlotCommands {
  client.defineCommand('imSlotTake', { numberOfKeys: 3, lua: TAKE });
  client.defineCommand('imSlotRelease', { numberOfKeys: 1, lua: RELEASE });
  client.defineCommand('imSlotRegister', { numberOfKeys: 2, lua: REGISTER });
  client.defineCommand('imSlotStats', { numberOfKeys: 3, lua: STATS });
  return client as Redis & SharedSlotCommands;
}

/** Redis forgot the budget (the error text arrives wrapped by Redis 7's script error prefix). */
export function isSharedStateLost(error: unknown): boolean {
  return error instanceof Error && error.message.includes('SHARED_STATE_LOST');
}
