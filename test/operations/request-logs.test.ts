import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesSettled } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorLog } from '../fixtures/im.js';

interface LogLine {
  msg: string;
  requestId?: string;
  component?: string;
  path?: string;
}

describe('the logs of one request', () => {
  let fixture: GatewayKit;
  const requestId = 'trace-me-0042';
  const transferId = 'trace-me-0043';

  beforeAll(async () => {
    fixture = await startKit();
    const response = await fixture.response.createGroup({ groupId: 'logged', name: 'Logged', memberIds: ['bob'] }, { as: 'alice', headers: { 'x-request-id': requestId } });
    expect(response.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    // The Create notice rode the create call; a Transfer notice follows its answer, through the outbox, still under its request's id.
    const transferred = await fixture.response.transferGroupOwnership({ groupId: 'logged', userId: 'bob' }, { as: 'alice', headers: { 'x-request-id': transferId } });
    expect(transferred.data?.transferGroupOwnership.__typename).toBe('TransferGroupOwnershipSuccess');
    await noticesSettled(fixture);
  });
  afterAll(() => fixture.close());

  const lines = () => fixture.logLines.map((line) => JSON.parse(line) as LogLine);

  it('carry the same request id on the GraphQL line and on every IM call line', () => {
    const imCallsOf = (id: string) => lines().filter((line) => line.requestId === id && line.msg === 'im call').map((line) => line.path);
    expect(lines().some((line) => line.requestId === requestId && line.msg === 'graphql operation' && line.component === 'graphql')).toBe(true);
    expect(imCallsOf(requestId)).toEqual(['/group/create.json']);
    expect(imCallsOf(transferId)).toEqual(['/message/group/publish.json']);
    // No IM call of either request was logged without its id.
    expect(lines().filter((line) => line.msg === 'im call' && line.requestId !== requestId && line.requestId !== transferId)).toEqual([]);
  });

  it('reaches the IM Service as X-Request-ID', async () => {
    const log = await emulatorLog(fixture.emulator);
    expect(log.map((entry) => [entry.path, entry.requestId])).toEqual([
      ['/group/create.json', requestId],
      ['/message/group/publish.json', transferId],
    ]);
  });

  it('gets a fresh id when the client sends none, different for each request', async () => {
    await fixture.response.createGroup({ groupId: 'other1', name: 'Other' }, { as: 'alice' });
    await fixture.response.createGroup({ groupId: 'other2', name: 'Other' }, { as: 'alice' });
    const operations = lines().filter((line) => line.msg === 'graphql operation');
    const ids = operations.slice(-2).map((line) => line.requestId);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
  });
});
