import type { Redis } from 'ioredis';

/**
 * The shared budget's state in Redis, per rate class, and the scripts that change it (each one
 * atomic, on Redis's own clock, so instances with skewed clocks still agree):
 * - `held`: a sorted set, one member per budget unit taken, scored by the time it expires (a
 *   holder gives it back long before; only the slots of an instance that died ever expire);
 * - `next`: when the next cold start may happen (cold starts spread `windowMs / limit` apart);
 * - `warm`: units given back within the last window, one member each, scored by when: a take
 *   that finds one starts at once (see `SlotLayout`);
 * - `state`: a token written once; an instance that finds another token (or none) knows Redis
 *   forgot the budget (a restart, a FLUSHALL, an eviction);
 * - `queued`: each instance's waiting units and when it last said so, for cluster-wide shedding;
 * - `freed`: the channel a given-back slot is announced on, so a waiting instance asks at once.
 */
export interface SharedSlotKeys {
  held: string;
  next: string;
  state: string;
  queued: string;
  freed: string;
  warm: string;
}

export function sharedSlotKeys(keyPrefix: string, rateClassName: string): SharedSlotKeys {
  const base = `${keyPrefix}:im-${rateClassName}`;
  return { held: `${base}:held`, next: `${base}:next`, state: `${base}:state`, queued: `${base}:queued`, freed: `${base}:freed`, warm: `${base}:warm` };
}

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const STATE_CHECK = `local token = redis.call('GET', KEYS[3])
if token ~= ARGV[1] then return redis.error_reply('SHARED_STATE_LOST') end`;

/**
 * KEYS held, next, state, warm; ARGV token, limit, weight, spacingMs, expirationMs, leaseId,
 * windowMs → {ms until start, expiry}, or {-1} when full.
 */
const TAKE = `${STATE_CHECK}
${NOW}
local limit, weight, spacing, expiration = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local held = redis.call('ZCARD', KEYS[1])
if held + weight > limit then return {-1} end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[7]))
local start = now
local from = ''
if redis.call('ZCARD', KEYS[4]) >= weight then
  from = redis.call('ZPOPMIN', KEYS[4], weight)[1]
else
  start = math.max(now, tonumber(redis.call('GET', KEYS[2]) or '0'))
  redis.call('SET', KEYS[2], start + spacing)
end
for i = 1, weight do redis.call('ZADD', KEYS[1], start + expiration, ARGV[6] .. ':' .. i) end
return {start - now, start + expiration, t[1] .. '.' .. t[2], from}`;

/**
 * KEYS held, warm; ARGV leaseId, weight, channel, keepMs. keepMs 0 gives the units back now (warm);
 * more keeps them that long (an instance stopping mid-window: its calls still count until it ends).
 */
const RELEASE = `local keep = tonumber(ARGV[4])
if keep > 0 then
  ${NOW}
  for i = 1, tonumber(ARGV[2]) do redis.call('ZADD', KEYS[1], 'XX', now + keep, ARGV[1] .. ':' .. i) end
  return 0
end
${NOW}
for i = 1, tonumber(ARGV[2]) do
  if redis.call('ZREM', KEYS[1], ARGV[1] .. ':' .. i) == 1 then redis.call('ZADD', KEYS[2], now, ARGV[1] .. ':' .. i) end
end
redis.call('PUBLISH', ARGV[3], ARGV[2])
return t[1] .. '.' .. t[2]`;

/**
 * KEYS held, state; ARGV a new token, then member/expiry pairs this instance still holds →
 * the token in force. The first instance to register after a loss writes its token; the others
 * adopt it, and each puts back the slots it still holds, so the budget forgets nothing still live.
 */
const REGISTER = `redis.call('SET', KEYS[2], ARGV[1], 'NX')
for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[1], 'NX', ARGV[i + 1], ARGV[i]) end
return redis.call('GET', KEYS[2])`;

/**
 * KEYS held, next, state, queued; ARGV token, clientId, queued units, freshMs → {units held,
 * units queued in every live instance}. Called periodically: it is also the heartbeat that notices a loss.
 */
const STATS = `${STATE_CHECK}
${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3] .. ':' .. now)
local entries = redis.call('HGETALL', KEYS[4])
local queued = 0
for i = 1, #entries, 2 do
  local units, seen = string.match(entries[i + 1], '^(%d+):(%d+)$')
  if seen and now - tonumber(seen) <= tonumber(ARGV[4]) then queued = queued + tonumber(units)
  else redis.call('HDEL', KEYS[4], entries[i]) end
end
return {redis.call('ZCARD', KEYS[1]), queued}`;

export interface SharedSlotCommands {
  imSlotTake(held: string, next: string, state: string, warm: string, ...args: Array<string | number>): Promise<[number, number?, string?, string?]>;
  imSlotRelease(held: string, warm: string, ...args: Array<string | number>): Promise<number | string>;
  imSlotRegister(held: string, state: string, ...args: Array<string | number>): Promise<string>;
  imSlotStats(held: string, next: string, state: string, queued: string, ...args: Array<string | number>): Promise<[number, number]>;
}

/** Teaches the connection the scripts (sent by SHA, and again in full after Redis forgets them). */
export function withSlotScripts(client: Redis): Redis & SharedSlotCommands {
  client.defineCommand('imSlotTake', { numberOfKeys: 4, lua: TAKE });
  client.defineCommand('imSlotRelease', { numberOfKeys: 2, lua: RELEASE });
  client.defineCommand('imSlotRegister', { numberOfKeys: 2, lua: REGISTER });
  client.defineCommand('imSlotStats', { numberOfKeys: 4, lua: STATS });
  return client as Redis & SharedSlotCommands;
}

/** Redis forgot the budget (the error text arrives wrapped by Redis 7's script error prefix). */
export function isSharedStateLost(error: unknown): boolean {
  return error instanceof Error && error.message.includes('SHARED_STATE_LOST');
}
