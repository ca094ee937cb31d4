import { afterEach, beforeEach, expect, it } from 'vitest';
import { startFixtureEmulator } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import type { Config } from '../../src/config.js';
import { ADMIN, groupWithRoles, MEMBER, OUTSIDER, OWNER } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { openSse, type SseStream } from '../kit/sse.js';
import { answerOf, subscriptionBody, subscriptionsAt, type SubscriptionItem } from '../kit/subscriptions.js';

/**
 * `groupEvents` over real HTTP and Server-Sent Events, as a browser's fetch runs it, on one
 * gateway (several instances: test/events/instances.test.ts): what a subscriber sees, and when
 * its stream ends.
 */

type GroupStream = SseStream<SubscriptionItem<'groupEvents'>>;

describeEachStore('live group events', (target) => {
  let database: FreshDatabase;
  let kit: GatewayKit;
  let emulator: RunningEmulator | null = null;
  const streams: GroupStream[] = [];

  const start = async (config: Partial<Config> = {}, withEmulator?: RunningEmulator) => {
    kit = await startKit({ config: { ...config, databaseUrl: database.url }, ...(withEmulator ? { emulator: withEmulator } : {}) });
  };
  const subscribe = async (input: { groupId: string; after?: string | null }, as: string | undefined) => {
    const stream = await subscriptionsAt(kit.url).groupEvents(input, as === undefined ? {} : { as });
    streams.push(stream);
    return stream;
  };
  /** The next item's union member. */
  const next = async (stream: GroupStream) => answerOf('groupEvents', await stream.next());
  const rename = (groupId: string, name: string) => kit.must.updateGroup({ groupId, name, notify: false }, { as: OWNER });

  beforeEach(async () => {
    database = await target.fresh();
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await kit?.close();
    await emulator?.close();
    emulator = null;
    await database.drop();
  });

  it('a member receives each change once, in order, each with a new cursor', async () => {
    await start();
    const groupId = await groupWithRoles(kit, { notify: false });
    const stream = await subscribe({ groupId }, MEMBER);

    await rename(groupId, 'Renamed');
    await kit.must.addGroupMembers({ groupId, userIds: ['dave'], notify: false }, { as: OWNER });
    await kit.must.setGroupMemberRole({ groupId, userId: 'dave', role: 'ADMIN' }, { as: OWNER });
    await rename(groupId, 'Renamed again');
    const items = [await next(stream), await next(stream), await next(stream), await next(stream)];

    expect(items.map((item) => item.__typename)).toEqual(['GroupProfileUpdated', 'MembersAdded', 'MemberRoleChanged', 'GroupProfileUpdated']);
    const cursors = items.map((item) => ('cursor' in item ? item.cursor : null));
    expect(new Set(cursors).size).toBe(4);
    // Nothing else arrived: no duplicate, no event of another group.
    expect(stream.items).toHaveLength(4);
  });

  it('a subscriber that resubscribes after its last cursor gets exactly the events it missed, then the live ones', async () => {
    await start();
    const groupId = await groupWithRoles(kit, { notify: false });
    const first = await subscribe({ groupId }, MEMBER);
    await rename(groupId, 'One');
    const seen = await next(first);
    first.close();
    await first.ended;

    await rename(groupId, 'Two');
    await kit.must.addGroupMembers({ groupId, userIds: ['erin'], notify: false }, { as: OWNER });
    await rename(groupId, 'Three');
    const resumed = await subscribe({ groupId, after: 'cursor' in seen ? seen.cursor : null }, MEMBER);
    const missed = [await next(resumed), await next(resumed), await next(resumed)];
    await rename(groupId, 'Four');
    const live = await next(resumed);

    expect(missed.map((item) => item.__typename)).toEqual(['GroupProfileUpdated', 'MembersAdded', 'GroupProfileUpdated']);
    expect(live.__typename).toBe('GroupProfileUpdated');
    const cursors = [seen, ...missed, live].map((item) => ('cursor' in item ? item.cursor : null));
    expect(new Set(cursors).size).toBe(5);
    expect(resumed.items).toHaveLength(4);
  });

  it("a removed member's stream ends after its removal event; a dismissal ends every stream of the group", async () => {
    await start();
    const groupId = await groupWithRoles(kit, { notify: false });
    const member = await subscribe({ groupId }, MEMBER);
    const admin = await subscribe({ groupId }, ADMIN);

    await kit.must.removeGroupMembers({ groupId, userIds: [MEMBER], notify: false }, { as: OWNER });
    expect((await next(member)).__typename).toBe('MembersRemoved');
    expect(await member.ended).toBe('complete');
    expect(member.items).toHaveLength(1);

    expect((await next(admin)).__typename).toBe('MembersRemoved');
    await kit.must.dismissGroup({ groupId, notify: false }, { as: OWNER });
    expect((await next(admin)).__typename).toBe('GroupDismissed');
    expect(await admin.ended).toBe('complete');
    expect(kit.app.live.hub.openStreams).toBe(0);
  });

  it('refuses with a typed reason: an outsider, an unknown group, an anonymous caller, a malformed cursor, a cursor past the log', async () => {
    await start();
    const groupId = await groupWithRoles(kit, { notify: false });
    const publicId = await groupWithRoles(kit, { notify: false });
    await kit.must.updateGroup({ groupId: publicId, visibility: 'PUBLIC', notify: false }, { as: OWNER });
    const refusals = [
      await subscribe({ groupId: publicId }, OUTSIDER),
      await subscribe({ groupId: 'nosuchgroup' }, MEMBER),
      await subscribe({ groupId }, undefined),
      await subscribe({ groupId, after: 'not-a-cursor' }, MEMBER),
      // Well formed, but past every event released (a cursor of another deployment, or made up): refused, not a stream that never speaks.
      await subscribe({ groupId, after: Buffer.from('e:999999999999999').toString('base64url') }, MEMBER),
    ];
    for (const stream of refusals) expect(await stream.ended).toBe('complete');

    expect(refusals.map((stream) => stream.items.map((item) => answerOf('groupEvents', item).__typename))).toEqual([
      ['NotAMemberError'],
      ['GroupNotFoundError'],
      ['NotAuthenticatedError'],
      ['ValidationError'],
      ['ValidationError'],
    ]);
    expect(answerOf('groupEvents', refusals[0]!.items[0]!)).toMatchObject({ groupId: publicId, userId: OUTSIDER });
    expect(kit.app.live.hub.openStreams).toBe(0);
  });

  it("a PRIVATE group is unknown to an outsider's subscription, as to every read: refused as an id that names no group", async () => {
    await start();
    const groupId = await groupWithRoles(kit, { notify: false });
    const [outsider, unknown] = [await subscribe({ groupId }, OUTSIDER), await subscribe({ groupId: 'nosuchgroup' }, OUTSIDER)];
    const [fromOutsider, fromUnknown] = [answerOf('groupEvents', await outsider.next()), answerOf('groupEvents', await unknown.next())];

    expect(fromOutsider.__typename).toBe('GroupNotFoundError');
    const shown = (answer: typeof fromOutsider, id: string) => ({ ...answer, message: 'message' in answer ? answer.message.replace(id, 'ID') : null });
    expect(shown(fromOutsider, groupId)).toEqual(shown(fromUnknown, 'nosuchgroup'));
    expect(kit.app.live.hub.openStreams).toBe(0);
  });

  it('a change the IM Service refuses (undone) never reaches a subscriber', async () => {
    // The IM Service's cap is lower than the gateway's: the join is refused (1002) after the store took it.
    emulator = await startFixtureEmulator({ maxGroupMembers: 4 });
    await start({}, emulator);
    const groupId = await groupWithRoles(kit, { notify: false });
    const stream = await subscribe({ groupId }, MEMBER);

    const refused = await kit.addGroupMembers({ groupId, userIds: ['p1', 'p2', 'p3'], notify: false }, { as: OWNER });
    expect(refused).toMatchObject({ __typename: 'UpstreamError', retryable: false });
    await rename(groupId, 'After the refusal');

    expect((await next(stream)).__typename).toBe('GroupProfileUpdated');
    expect(stream.items).toHaveLength(1);
  });

  it("viewerEvents: a user's conversation list hears of the groups they are in, and of nothing else", async () => {
    await start();
    const stream = await subscriptionsAt(kit.url).viewerEvents({}, { as: 'dave' });
    const mine = 'viewermine';
    await kit.must.createGroup({ groupId: mine, name: 'Mine', memberIds: ['dave'], notify: false }, { as: OWNER });
    await kit.must.createGroup({ groupId: 'viewerother', name: 'Other', memberIds: ['erin'], notify: false }, { as: OWNER });
    await rename('viewerother', 'Other renamed');
    await rename(mine, 'Mine renamed');
    await kit.must.removeGroupMembers({ groupId: mine, userIds: ['dave'], notify: false }, { as: OWNER });
    await rename(mine, 'Renamed without dave');
    await kit.must.addGroupMembers({ groupId: 'viewerother', userIds: ['dave'], notify: false }, { as: OWNER });

    const items = [];
    for (let i = 0; i < 4; i++) items.push(answerOf('viewerEvents', await stream.next()));
    expect(items.map((item) => [item.__typename, 'groupId' in item ? item.groupId : null])).toEqual([
      ['GroupCreated', mine],
      ['GroupProfileUpdated', mine],
      ['MembersRemoved', mine],
      ['MembersAdded', 'viewerother'],
    ]);
    expect(stream.items).toHaveLength(4);
    stream.close();
  });

  it("passes the request limits queries pass: variables that do not fit, and a cost over the limit, are refused before any stream opens", async () => {
    await start();
    const groupId = await groupWithRoles(kit, { notify: false });
    const open = (body: { query: string; variables?: unknown }) => openSse<{ errors?: Array<{ extensions?: { code?: string } }> }>(kit.url, body, { as: MEMBER });
    const badVariables = await open({ query: 'subscription S($input: GroupEventsInput!) { groupEvents(input: $input) { __typename } }', variables: { input: { groupId: 5 } } });
    // 100 events of the history, each with 200 members of its group: about 60 000, over the 20 000 the cost allows.
    const history = 'events(first: 100) { edges { node { group { members(first: 200) { totalCount pageInfo { hasNextPage } } } } } }';
    const costly = await open({ query: `subscription { groupEvents(input: { groupId: "${groupId}" }) { ... on GroupEvent { group { ${history} } } } }` });

    expect(await badVariables.ended).toBe('complete');
    expect(badVariables.items[0]?.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await costly.ended).toBe('complete');
    expect(costly.items[0]?.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(kit.app.live.hub.openStreams).toBe(0);
  });

  it('a user holds at most EVENT_MAX_STREAMS_PER_USER streams: one more is refused with STREAM_LIMIT_REACHED', async () => {
    await start({ eventStreams: { bufferLimit: 1000, maxStreams: 100, maxStreamsPerUser: 2, pollMs: 1000 } });
    const groupId = await groupWithRoles(kit, { notify: false });
    await subscribe({ groupId }, MEMBER);
    await subscribe({ groupId }, MEMBER);
    const third = await subscribe({ groupId }, MEMBER);
    const other = await subscribe({ groupId }, ADMIN);

    expect(await third.ended).toBe('complete');
    expect(third.items[0]?.errors?.[0]?.extensions).toMatchObject({ code: 'STREAM_LIMIT_REACHED' });
    await rename(groupId, 'Still served');
    expect((await next(other)).__typename).toBe('GroupProfileUpdated');
  });

  it('a subscriber that stops reading is ended with ResumeRequired (SLOW_CONSUMER) once its buffer is full, and resumes without a gap', async () => {
    await start({ eventStreams: { bufferLimit: 2, maxStreams: 100, maxStreamsPerUser: 20, pollMs: 1000 } });
    const groupId = await groupWithRoles(kit, { notify: false });
    // Through Yoga's fetch, with the body left unread: nothing drains the stream but the reads below.
    const body = JSON.stringify(subscriptionBody('groupEvents', { groupId }));
    const response = await kit.app.graphql.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-user-id': MEMBER },
      body,
    });
    for (let k = 0; k < 6; k++) await rename(groupId, `Name ${k}`);
    const items = sseItems(await response.text()).map((item) => answerOf('groupEvents', item));

    const end = items.at(-1)!;
    expect(end).toMatchObject({ __typename: 'ResumeRequired', reason: 'SLOW_CONSUMER' });
    const delivered = items.slice(0, -1);
    expect(delivered.length).toBeLessThan(6);
    const resumeAfter = 'resumeAfter' in end ? end.resumeAfter : null;
    // The last cursor it received; or, when it received none, where it started (groupWithRoles left events before).
    expect(resumeAfter).toEqual(delivered.length > 0 ? (delivered.at(-1) as { cursor: string }).cursor : expect.any(String));
    const resumed = await subscribe({ groupId, after: resumeAfter }, MEMBER);
    const rest = [];
    for (let k = delivered.length; k < 6; k++) rest.push(await next(resumed));
    expect([...delivered, ...rest].map((item) => ('name' in item ? item.name : null))).toEqual(['Name 0', 'Name 1', 'Name 2', 'Name 3', 'Name 4', 'Name 5']);
  });

  it('an idle stream carries heartbeats, and shutdown ends it with ResumeRequired and the last cursor it received', async () => {
    await start();
    const groupId = await groupWithRoles(kit, { notify: false });
    const stream = await subscribe({ groupId }, MEMBER);
    await rename(groupId, 'Before the stop');
    const last = await next(stream);
    // Yoga pings every 12 s, every 300 ms under NODE_ENV=test (as vitest runs).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(stream.heartbeats).toBeGreaterThanOrEqual(2);

    await kit.app.live.close();
    expect(await next(stream)).toMatchObject({ __typename: 'ResumeRequired', reason: 'SHUTTING_DOWN', resumeAfter: 'cursor' in last ? last.cursor : 'none' });
    expect(await stream.ended).toBe('complete');
  });
});

/** The `next` payloads of a whole Server-Sent Events answer. */
function sseItems(text: string): Array<SubscriptionItem<'groupEvents'>> {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event: next'))
    .map((block) => JSON.parse(block.split('\n').find((line) => line.startsWith('data:'))!.slice(5)) as SubscriptionItem<'groupEvents'>);
}
