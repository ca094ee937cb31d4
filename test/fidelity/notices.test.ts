import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayText } from '../../src/groups/display-text.js';
import { notifications } from '../../src/groups/notifications.js';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorMessages } from '../fixtures/im.js';
import { readNotice, type ReadNotice } from '../fixtures/notices.js';

/** Line breaks, other controls, bidi controls and zero-width characters: what must never reach a notice. */
const UNSAFE = /[\p{Cc}\p{Zl}\p{Zp}\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;
const INJECTED = '\n\n[System] Account suspended. Verify at evil.example';

describe('group notices through the front door', () => {
  let fixture: GatewayKit;
  beforeAll(async () => {
    fixture = await startKit();
  });
  afterAll(() => fixture.close());

  async function notices(groupId: string, count: number): Promise<ReadNotice[]> {
    let read: ReadNotice[] = [];
    await eventually(async () => {
      const published = (await emulatorMessages(fixture.emulator)) as unknown as Array<Parameters<typeof readNotice>[0]>;
      read = published.filter((message) => message.toGroupId === groupId).map(readNotice);
      return read.length >= count;
    });
    return read;
  }

  it('carries no injected line or hidden text from a group name into message or data', async () => {
    const created = await fixture.response.createGroup({ groupId: 'inject', name: `Book club${INJECTED}`, memberIds: ['bob'] }, { as: 'alice' });
    expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    const renamed = await fixture.response.updateGroup({ groupId: 'inject', name: '\u202Eelpmaxe.live\u202C\u200B ok\u2028[System]' }, { as: 'alice' });
    expect(renamed.data?.updateGroup.__typename).toBe('UpdateGroupSuccess');

    const [create, rename] = await notices('inject', 2);
    for (const notice of [create!, rename!]) {
      expect(notice.message).not.toMatch(UNSAFE);
      expect(JSON.stringify(notice.data)).not.toMatch(UNSAFE);
    }
    expect(create).toMatchObject({ operation: 'Create', operatorUserId: 'alice', targetUserIds: ['alice', 'bob'] });
    expect(create!.data.targetGroupName).toBe('Book club [System] Account suspended. Verify at evil.example');
    expect(create!.message).toBe('alice created the group "Book club [System] Account suspended. Verify at evil.example"');
    expect(rename).toMatchObject({ operation: 'Rename', data: { targetGroupName: 'elpmaxe.live ok [System]' } });
  });

  it('sends every notice with data as a JSON string with the demo server’s fields, and Transfer as RC:CmdNtf', async () => {
    await fixture.response.createGroup({ groupId: 'shape', name: 'Shape', memberIds: ['bob'] }, { as: 'alice' });
    expect((await fixture.response.transferGroupOwnership({ groupId: 'shape', userId: 'bob' }, { as: 'alice' })).data?.transferGroupOwnership.__typename).toBe(
      'TransferGroupOwnershipSuccess',
    );
    const [create, transfer] = await notices('shape', 2);
    expect(create).toMatchObject({
      objectName: 'RC:GrpNtf',
      data: { operatorNickname: 'alice', targetUserIds: ['alice', 'bob'], targetUserDisplayNames: ['alice', 'bob'], targetGroupName: 'Shape' },
    });
    expect(transfer).toMatchObject({
      objectName: 'RC:CmdNtf',
      operation: 'Transfer',
      data: { oldCreatorId: 'alice', newCreatorId: 'bob', targetUserIds: ['bob'], message: 'alice made bob the owner' },
    });
  });
});

describe('notice text', () => {
  it('turns controls into spaces, drops bidi and zero-width characters, keeps emoji sequences and ordinary text', () => {
    expect(displayText(`Book club${INJECTED}`, '?')).toBe('Book club [System] Account suspended. Verify at evil.example');
    expect(displayText('a\u0000b\tc\u0085d\u2029e', '?')).toBe('a b c d e');
    expect(displayText('\u202Etxt.exe\u202C \u2066x\u2069 a\u200Bb \uFEFFc\u00ADd', '?')).toBe('txt.exe x ab cd');
    expect(displayText('👩‍💻 team 👨‍👩‍👧 Ünïcødé 中文 عربي', '?')).toBe('👩‍💻 team 👨‍👩‍👧 Ünïcødé 中文 عربي');
    expect(displayText('a\u200Db', '?')).toBe('ab');
    expect(displayText('\u200B\n\u202E', 'fallback')).toBe('fallback');
  });

  it('keeps ids verbatim in targetUserIds but shows them cleaned in names and message', () => {
    const [notice] = notifications('__system__', {
      groupId: 'g1',
      operation: 'Add',
      operatorUserId: 'eve\n[System]',
      targetUserIds: ['bob\u202E'],
      groupName: 'G',
      at: 1,
    });
    const content = (notice as { content: { data: string; message: string } }).content;
    const data = JSON.parse(content.data) as Record<string, unknown>;
    expect(data).toEqual({ operatorNickname: 'eve [System]', targetUserIds: ['bob\u202E'], targetUserDisplayNames: ['bob'], targetGroupName: 'G', timestamp: 1 });
    expect(content.message).toBe('eve [System] added bob');
  });

  it('splits a notice that would pass the content or body limits, naming every user once', () => {
    // 1000 ids of 64 bytes (16 four-byte emoji each): ids and names twice over pass 128 KB.
    const ids = Array.from({ length: 1000 }, (_, i) => `${'😀'.repeat(12)}${String(i).padStart(4, '0').replace(/\d/g, (d) => String.fromCodePoint(0x1f600 + Number(d)))}`);
    expect(Buffer.byteLength(ids[0]!, 'utf8')).toBe(64);
    const notices = notifications('__system__', { groupId: 'g1', operation: 'Add', operatorUserId: 'alice', targetUserIds: ids, groupName: 'G', at: 1 });
    expect(notices.length).toBeGreaterThan(1);
    const named: string[] = [];
    for (const notice of notices) {
      const content = (notice as { content: { data: string; message: string } }).content;
      expect(Buffer.byteLength(JSON.stringify(content), 'utf8')).toBeLessThanOrEqual(128 * 1024);
      // The form body too stays under the 100 KB the SDK's code 1508 speaks of.
      expect(encodeURIComponent(JSON.stringify(content)).length).toBeLessThan(100 * 1024);
      named.push(...(JSON.parse(content.data) as { targetUserIds: string[] }).targetUserIds);
      expect(content.message).toMatch(/ and \d+ others$/);
    }
    expect(named).toEqual(ids);
  });
});
