import fc from 'fast-check';

/** The users, groups and values the fuzz suite (fuzz.test.ts) draws its requests from. */

export const OWNER = 'owner1';
export const ADMIN = 'adm1';
export const MEMBER = 'mem1';
export const OUTSIDER = 'outsider';
/** Groups seeded before the run, owned by OWNER with ADMIN as admin: the first few may be dismissed, the rest stay. */
export const SEED_GROUPS = Array.from({ length: 12 }, (_, i) => `seed${i}`);
export const DISMISSABLE_GROUPS = SEED_GROUPS.slice(0, 3);
export const LASTING_GROUPS = SEED_GROUPS.slice(3);
export const KNOWN_USERS = [OWNER, ADMIN, MEMBER, 'mem2', 'mem3', OUTSIDER, 'newbie'];

// ---------------------------------------------------------------------------------------------
// Values: mostly plausible, often hostile, sometimes of the wrong JSON type.

export const wrongScalar = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(0), fc.constant(-1));
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  wrongScalar,
  fc.dictionary(fc.string({ maxLength: 6 }), wrongScalar, { maxKeys: 3 }),
  fc.array(wrongScalar, { maxLength: 3 }),
);

export const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 12 });
export const emoji = fc
  .array(fc.constantFrom('🎉', '👨‍👩‍👧‍👦', '🏳️‍🌈', '\u200d', '\ufeff', '\u202e', 'e\u0301', '\u0000', '\u2028', '𝕏', '\ud83d'), { maxLength: 20 })
  .map((parts) => parts.join(''));
export const blank = fc.constantFrom('', ' ', '\t\n', '\u00a0', '\u3000', '\u200b');
/** 1 KB to ~100 KB, sometimes: the size the body limit lets through many times over. */
export const long = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('x', '🎉', ' ', 'é', '\u0000', 'a1'))
  .map(([size, unit]) => unit.repeat(Math.ceil(size / unit.length)));
export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: controlChars },
  { weight: 2, arbitrary: emoji },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: long },
);

/** Valid-looking variables two times in five, hostile ones otherwise. */
export function plausibleOrHostile(plausible: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 3, arbitrary: hostile });
}

/** Mostly `value`; sometimes left out, null, or of the wrong JSON type. */
export function maybe<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined | null | unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongType },
  );
}

export const groupId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LASTING_GROUPS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,64}$/) },
  { weight: 3, arbitrary: hostileString },
);
/** Only the first seeds may go: the others stay for the rest of the run. */
export const dismissableGroupId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...DISMISSABLE_GROUPS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,64}$/) },
  { weight: 3, arbitrary: hostileString },
);
export const userId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KNOWN_USERS) }, { weight: 3, arbitrary: hostileString });
export const userIds = fc.oneof(
  { weight: 8, arbitrary: fc.array(userId, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5_000 }).map((count) => Array.from({ length: count }, (_, i) => `bulk${i}`)) },
  { weight: 1, arbitrary: fc.array(fc.oneof(userId, wrongScalar), { maxLength: 5 }) },
);
export const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Book club', '  Tea  ', 'x'.repeat(64), 'x'.repeat(65), '🎉'.repeat(64), '🎉'.repeat(65)) },
  { weight: 4, arbitrary: hostileString },
);
export const avatarUrl = fc.oneof(
  fc.constantFrom('https://example.com/a.png', 'http://x', 'javascript:alert(1)', 'data:,x', 'ftp://example.com/a', `https://e.com/${'a'.repeat(3000)}`),
  fc.webUrl(),
  hostileString,
);
export const idempotencyKey = fc.oneof(fc.constantFrom('k1', 'k2', 'k3'), fc.stringMatching(/^[\x21-\x7e]{1,128}$/), hostileString);
export const role = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('ADMIN', 'MEMBER', 'OWNER') },
  { weight: 1, arbitrary: fc.constantFrom('admin', 'Owner', '', 'ROOT', '__proto__', 'ADMIN ', 'MEMBER\u0000') },
);
export const notify = fc.boolean();
export const first = fc.oneof(fc.integer({ min: -3, max: 250 }), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5, 1e308));
export const cursor = fc.oneof(
  hostileString,
  fc
    .tuple(fc.constantFrom('m', 'v', 'x'), fc.oneof(fc.nat().map(String), fc.constantFrom('99999999999999999999999', '-1', '')), userId)
    .map(([kind, at, id]) => Buffer.from(`${kind}:${at}:${id}`).toString('base64url')),
);
export const nodeId = fc.oneof(
  hostileString,
  fc.tuple(fc.constantFrom('Group', 'Viewer', 'Foo', '', 'Group\u0000', '__proto__'), groupId).map(([type, id]) => Buffer.from(`${type}:${id}`).toString('base64')),
  fc.base64String({ maxLength: 40 }),
);

// Plausible values: valid-looking inputs against the seeded groups, so authorization, the store
// and the IM Service run, not only validation.
export const plausibleGroupId = fc.constantFrom(...LASTING_GROUPS);
export const plausibleUserId = fc.constantFrom(...KNOWN_USERS);
export const plausibleUserIds = fc.oneof(
  { weight: 12, arbitrary: fc.array(plausibleUserId, { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_500 }).map((count) => Array.from({ length: count }, (_, i) => `bulk${i}`)) },
);
export const plausibleName = fc.oneof(
  fc.constantFrom('Book club', '  Tea & 🎉  ', 'Ünïcödé', '读书会'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((value) => value.trim().length > 0),
);
export const plausibleAvatarUrl = fc.constantFrom('https://example.com/a.png', 'http://example.com/b.jpg', null, undefined);
export const plausibleKey = fc.oneof(fc.constantFrom('k1', 'k2', 'k3', undefined), fc.uuid());

export const createGroupInput = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      groupId: maybe(fc.oneof(groupId, fc.constant(undefined))),
      name: maybe(name),
      memberIds: maybe(userIds),
      avatarUrl: maybe(fc.oneof(avatarUrl, fc.constant(undefined))),
      idempotencyKey: maybe(fc.oneof(idempotencyKey, fc.constant(undefined))),
      notify: maybe(notify),
    }),
  },
  // An input field the type does not have.
  { weight: 1, arbitrary: fc.record({ name, unknownField: wrongType }) },
  { weight: 1, arbitrary: fc.oneof(wrongType, hostileString) },
);

