import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { signedPost, startTestEmulator } from '../emulator/fixtures.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { loadConfig, ConfigError } from '../../src/config.js';
import { AUDIENCE, freshSecret, hs256Token, ISSUER } from '../auth/helpers.js';

/**
 * One rule for user ids everywhere (src/groups/user-ids.ts): at most 64 UTF-8 bytes of ASCII
 * letters, digits and + | = - _, as the IM Service registers them; the notification sender is
 * reserved. Through the front door: GraphQL over HTTP, and the emulator's signed API.
 */

const EURO = '€'; // three bytes in UTF-8
const SIXTY_FIVE_BYTES_OF_22_CHARS = `${EURO.repeat(21)}ab`; // 63 + 2 bytes, 23 characters
const TWENTY_TWO_THREE_BYTE_CHARS = EURO.repeat(22); // 66 bytes
const ASCII_64 = 'u'.repeat(64);
const ASCII_65 = 'u'.repeat(65);
const INVISIBLE = ['bob\u0000', 'bob\n', ' bob', 'bob ', 'b\u202eob', 'bo\u200bb', '\u2066bob', 'bob\u00ad', 'bób'];

const CREATE = `mutation UserIdsCreate($input: CreateGroupInput!) {
  createGroup(input: $input) { __typename ... on ValidationError { issues { path message } } ... on Error { message } }
}`;
const ADD = `mutation UserIdsAdd($groupId: String!, $userIds: [String!]!) {
  addGroupMembers(input: { groupId: $groupId, userIds: $userIds }) { __typename ... on ValidationError { issues { path message } } }
}`;
const TRANSFER = `mutation UserIdsTransfer($groupId: String!, $userId: String!) {
  transferGroupOwnership(input: { groupId: $groupId, userId: $userId }) { __typename ... on ValidationError { issues { path message } } }
}`;

interface Answer {
  __typename: string;
  message?: string;
  issues?: Array<{ path: string[]; message: string }>;
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: Record<string, Answer> };
  return Object.values(body.data)[0]!;
}

describe('user ids at the gateway', () => {
  let gateway: GatewayFixture;
  const as = (userId: string) => ({ 'x-user-id': userId });
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(() => gateway.close());

  const create = (memberIds: string[], caller = 'alice') => post(gateway.url, CREATE, { input: { name: 'Ids', memberIds } }, as(caller));

  it('refuses 65 bytes, of three-byte characters or of ASCII, and takes 64 ASCII bytes', async () => {
    for (const tooLong of [SIXTY_FIVE_BYTES_OF_22_CHARS, TWENTY_TWO_THREE_BYTE_CHARS, ASCII_65]) {
      const refused = await create([tooLong]);
      expect(refused.__typename).toBe('ValidationError');
      expect(refused.issues?.[0]?.path).toEqual(['input', 'memberIds', '0']);
    }
    expect((await create([ASCII_64])).__typename).toBe('CreateGroupSuccess');
    expect((await create(['a+b|c=d-e_f'])).__typename).toBe('CreateGroupSuccess');
  });

  it('refuses control, bidi, zero-width, white-space and other non-ASCII characters, never trimming them away', async () => {
    for (const id of INVISIBLE) {
      const refused = await create([id]);
      expect(refused.__typename, JSON.stringify(id)).toBe('ValidationError');
    }
  });

  it('refuses an X-User-Id sent as UTF-8 (Node reads it as latin-1) instead of naming a misread user', async () => {
    const utf8AsLatin1 = Buffer.from('josé', 'utf8').toString('latin1');
    const refused = await create([], utf8AsLatin1);
    expect(refused.__typename).toBe('NotAuthenticatedError');
    expect(refused.message).toContain('X-User-Id header is not a user id');
    expect((await create([], ASCII_64)).__typename).toBe('CreateGroupSuccess');
    expect((await create([], ASCII_65)).__typename).toBe('NotAuthenticatedError');
  });

  it('reserves the notification sender: no member, no transfer target, no caller', async () => {
    const asMember = await create(['bob', '__system__']);
    expect(asMember.__typename).toBe('ValidationError');
    expect(asMember.issues).toEqual([{ path: ['input', 'memberIds', '1'], message: '"__system__" is reserved for group notifications' }]);

    const asCaller = await create([], '__system__');
    expect(asCaller.__typename).toBe('NotAuthenticatedError');
    expect(asCaller.message).toContain('reserved for group notifications');

    await post(gateway.url, CREATE, { input: { groupId: 'reserved1', name: 'R', memberIds: ['bob'] } }, as('alice'));
    const added = await post(gateway.url, ADD, { groupId: 'reserved1', userIds: ['carol', '__system__'] }, as('alice'));
    expect(added).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'userIds', '1'] }] });
    const transferred = await post(gateway.url, TRANSFER, { groupId: 'reserved1', userId: '__system__' }, as('alice'));
    expect(transferred).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'userId'] }] });
    expect(await gateway.app.repositories.members.userIdsOf('reserved1')).toEqual(['alice', 'bob']);
  });
});

describe('user ids in bearer tokens', () => {
  let gateway: GatewayFixture;
  const secret = freshSecret();
  beforeAll(async () => {
    gateway = await startGateway({ config: { auth: { dev: false, jwt: { secret, issuer: ISSUER, audience: AUDIENCE } } } });
  });
  afterAll(() => gateway.close());

  const createAs = async (sub: string) =>
    post(gateway.url, CREATE, { input: { name: 'Token' } }, { authorization: `Bearer ${await hs256Token(secret, { sub })}` });

  it('refuses a sub the header would refuse, the same way: no padding, control, bidi or zero-width', async () => {
    for (const sub of [...INVISIBLE, ASCII_65, SIXTY_FIVE_BYTES_OF_22_CHARS, '__system__']) {
      const refused = await createAs(sub);
      expect(refused.__typename, JSON.stringify(sub)).toBe('NotAuthenticatedError');
    }
    expect((await createAs(ASCII_64)).__typename).toBe('CreateGroupSuccess');
  });
});

describe('user ids at the emulator', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it('answers 1002 to 65 bytes (three-byte characters or ASCII) and to invisible characters; takes 64 ASCII bytes', async () => {
    for (const userId of [SIXTY_FIVE_BYTES_OF_22_CHARS, TWENTY_TWO_THREE_BYTE_CHARS, ASCII_65, ...INVISIBLE]) {
      const reply = await signedPost(emulator, '/group/join.json', { groupId: 'g1', groupName: 'G', userId });
      expect([reply.status, reply.body.code], JSON.stringify(userId)).toEqual([400, 1002]);
    }
    expect((await signedPost(emulator, '/group/join.json', { groupId: 'g1', groupName: 'G', userId: ASCII_64 })).body.code).toBe(200);
  });
});

describe('IM_NOTIFICATION_SENDER', () => {
  it('defaults to __system__, valid under the rule, and refuses an id the rule refuses', () => {
    expect(loadConfig({}).notificationSender).toBe('__system__');
    expect(() => loadConfig({ IM_NOTIFICATION_SENDER: 'sys tem' })).toThrow(ConfigError);
    expect(() => loadConfig({ IM_NOTIFICATION_SENDER: ASCII_65 })).toThrow(/IM_NOTIFICATION_SENDER/);
  });
});
