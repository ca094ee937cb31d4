import { describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, OUTSIDER, OWNER, groupHistory, groupWithRoles } from '../kit/factories.js';
import { imCallsOf, noticesTo, traced } from '../kit/observe.js';
import { emulator, gateway } from './shared-gateway.js';

/**
 * A group's description, announcement and attributes (issue 17), set through updateGroup: who may
 * set and read them, their bounds, what null and a left-out field mean, and what the IM Service
 * hears (a `Bulletin` notice for an announcement, nothing for the rest).
 */

/** The notices after the group's own `Create`. */
const noticesAfterCreate = async (groupId: string) => (await noticesTo(emulator, groupId)).filter((notice) => notice.operation !== 'Create');
const profile = async (groupId: string, as: string) => (await gateway.groupProfile({ groupId }, { as }));

describe('updateGroup: description, announcement, attributes', () => {
  it.for([
    [OWNER, 'UpdateGroupSuccess'],
    [ADMIN, 'UpdateGroupSuccess'],
    [MEMBER, 'ForbiddenError'],
    [OUTSIDER, 'ForbiddenError'],
  ] as const)('as %s: %s', async ([caller, expected]) => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.updateGroup({ groupId, description: 'About', announcement: 'Hello', attributes: [{ key: 'topic', value: 'books' }] }, { as: caller });

    expect(answer.__typename).toBe(expected);
    const { data } = await profile(groupId, OWNER);
    const changed = expected === 'UpdateGroupSuccess';
    expect(data?.group).toMatchObject({
      description: changed ? 'About' : null,
      announcement: changed ? { text: 'Hello', setBy: caller } : null,
      attributes: changed ? [{ key: 'topic', value: 'books' }] : [],
    });
    expect((await noticesAfterCreate(groupId)).map((notice) => notice.operation)).toEqual(changed ? ['Bulletin'] : []);
  });

  it('lets whoever reads the profile read the description (PUBLIC: every signed-in user), and only members the announcement and the attributes', async () => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.updateGroup({ groupId, description: 'About', announcement: 'Hello', attributes: [{ key: 'topic', value: 'books' }] }, { as: OWNER });
    // PRIVATE (the default): nothing of it to an outsider.
    expect((await profile(groupId, OUTSIDER)).data?.group).toBeNull();
    await gateway.must.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: OWNER });

    const member = await profile(groupId, MEMBER);
    expect(member.errors).toBeUndefined();
    expect(member.data?.group).toMatchObject({ description: 'About', announcement: { text: 'Hello', setBy: OWNER }, attributes: [{ key: 'topic', value: 'books' }] });

    const outsider = await profile(groupId, OUTSIDER);
    expect(outsider.data?.group).toMatchObject({ description: 'About', announcement: null, attributes: null, members: null });
    expect(outsider.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual(
      expect.arrayContaining([
        ['group.announcement', 'FORBIDDEN'],
        ['group.attributes', 'FORBIDDEN'],
      ]),
    );
  });

  it('publishes the announcement as an RC:GrpNtf Bulletin notice (the text in data.content, who set it as operator), with who set it and when', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = Date.now();
    const { requestId, headers } = traced();
    await gateway.must.updateGroup({ groupId, announcement: 'Meeting at 8\nBring books' }, { as: ADMIN, headers });

    expect(await imCallsOf(emulator, requestId)).toEqual(['/message/group/publish.json']);
    const [notice] = await noticesAfterCreate(groupId);
    expect(notice).toMatchObject({ operation: 'Bulletin', operatorUserId: ADMIN, data: { operatorNickname: ADMIN, content: 'Meeting at 8 Bring books' } });
    const { data } = await profile(groupId, MEMBER);
    expect(data?.group?.announcement?.text).toBe('Meeting at 8\nBring books');
    expect(Date.parse(data!.group!.announcement!.setAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('announces a cleared announcement too, and the same text again not at all; notify: false sets it silently', async () => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.updateGroup({ groupId, announcement: 'Hello' }, { as: OWNER });
    await gateway.must.updateGroup({ groupId, announcement: 'Hello' }, { as: ADMIN });
    await gateway.must.updateGroup({ groupId, announcement: null }, { as: ADMIN });
    await gateway.must.updateGroup({ groupId, announcement: 'Quiet', notify: false }, { as: ADMIN });

    const notices = await noticesAfterCreate(groupId);
    expect(notices.map((notice) => [notice.operation, notice.data.content])).toEqual([
      ['Bulletin', 'Hello'],
      ['Bulletin', ''],
    ]);
    expect((await profile(groupId, MEMBER)).data?.group?.announcement).toMatchObject({ text: 'Quiet', setBy: ADMIN });
  });

  it('keeps a left-out field, clears a null one, and merges attributes key by key (value: null removes one, attributes: null all)', async () => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.updateGroup({ groupId, description: 'About', attributes: [{ key: 'topic', value: 'books' }, { key: 'colour', value: 'red' }] }, { as: OWNER });
    await gateway.must.updateGroup({ groupId, attributes: [{ key: 'colour', value: null }, { key: 'link', value: 'https://x.test' }] }, { as: ADMIN });
    expect((await profile(groupId, MEMBER)).data?.group).toMatchObject({
      description: 'About',
      attributes: [
        { key: 'link', value: 'https://x.test' },
        { key: 'topic', value: 'books' },
      ],
    });

    await gateway.must.updateGroup({ groupId, description: null, attributes: null }, { as: ADMIN });
    expect((await profile(groupId, MEMBER)).data?.group).toMatchObject({ description: null, attributes: [] });
  });

  it('logs GroupProfileUpdated naming the fields that changed (with the description as left), none for an unchanged profile', async () => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.updateGroup({ groupId, description: 'About', announcement: 'Hi', attributes: [{ key: 'k', value: 'v' }] }, { as: ADMIN });
    await gateway.must.updateGroup({ groupId, description: 'About', announcement: 'Hi', attributes: [{ key: 'k', value: 'v' }] }, { as: ADMIN });
    await gateway.must.updateGroup({ groupId, attributes: [{ key: 'k', value: null }] }, { as: OWNER });

    const events = (await groupHistory(gateway, groupId)).filter((event) => event.__typename === 'GroupProfileUpdated');
    expect(events).toEqual([
      expect.objectContaining({ actor: { userId: ADMIN }, changedFields: ['DESCRIPTION', 'ANNOUNCEMENT', 'ATTRIBUTES'], description: 'About' }),
      expect.objectContaining({ actor: { userId: OWNER }, changedFields: ['ATTRIBUTES'], description: 'About' }),
    ]);
  });

  it('refuses an 11th attribute with AttributeLimitExceededError, changing nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const ten = Array.from({ length: 10 }, (_, index) => ({ key: `k${index}`, value: `${index}` }));
    await gateway.must.updateGroup({ groupId, attributes: ten }, { as: OWNER });

    const answer = await gateway.updateGroup({ groupId, description: 'About', attributes: [{ key: 'eleventh', value: 'x' }] }, { as: OWNER });
    expect(answer).toMatchObject({ __typename: 'AttributeLimitExceededError', limit: 10, requested: 11 });
    expect((await profile(groupId, MEMBER)).data?.group).toMatchObject({ description: null, attributes: ten });
    // Replacing one key at the limit is fine.
    await gateway.must.updateGroup({ groupId, attributes: [{ key: 'k0', value: null }, { key: 'eleventh', value: 'x' }] }, { as: OWNER });
  });

  it.for([
    ['a 513-character description', { description: 'd'.repeat(513) }, 'input.description'],
    ['a 1025-character announcement', { announcement: 'a'.repeat(1025) }, 'input.announcement'],
    ['a blank announcement', { announcement: '  ' }, 'input.announcement'],
    ['an announcement of a bidi override only', { announcement: '\u202e' }, 'input.announcement'],
    ['a description of zero-width spaces only', { description: '\u200b \u200b' }, 'input.description'],
    ['a bad attribute key', { attributes: [{ key: 'not-ok', value: 'x' }] }, 'input.attributes.0.key'],
    ['a 33-character attribute key', { attributes: [{ key: 'k'.repeat(33), value: 'x' }] }, 'input.attributes.0.key'],
    ['a 1025-character attribute value', { attributes: [{ key: 'k', value: 'v'.repeat(1025) }] }, 'input.attributes.0.value'],
    ['11 attributes in one request', { attributes: Array.from({ length: 11 }, (_, index) => ({ key: `k${index}`, value: 'v' })) }, 'input.attributes'],
    ['a key named twice', { attributes: [{ key: 'k', value: 'a' }, { key: 'k', value: 'b' }] }, 'input.attributes'],
  ] as const)('refuses %s with a ValidationError naming the field', async ([, fields, path]) => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.updateGroup({ groupId, ...fields } as never, { as: OWNER });
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
  });

  it('takes exactly 512, 1024, 32 and 1024 characters (counted as people see them)', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.updateGroup(
      { groupId, description: '🎉'.repeat(512), announcement: '名'.repeat(1024), attributes: [{ key: 'k'.repeat(32), value: '🎉'.repeat(1024) }] },
      { as: OWNER },
    );
    expect(answer.__typename).toBe('UpdateGroupSuccess');
  });
});
