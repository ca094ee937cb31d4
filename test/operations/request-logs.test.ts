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

  beforeAll(async () => {
    fixture = await startKit();
    const response = await fixture.response.createGroup({ groupId: 'logged', name: 'Logged', memberIds: ['bob'] }, { as: 'alice', headers: { 'x-request-id': requestId } });
    // The Create notice follows the answer, through the outbox, still under the request's id.
    await noticesSettled(fixture);
    expect(response.data?.createGroup.__typename).toBe('CreateGroupSuccess');
  });
  afterAll(() => fixture.close());

  const lines = () => fixture.logLines.map((line) => JSON.parse(line) as LogLine);

  it('carry the same request id on the GraphQL line and on every IM call line', () => {
    const ofRequest = lines().filter((line) => line.requestId === requestId);
    expect(ofRequest.some((line) => line.msg === 'graphql operation' && line.component === 'graphql')).toBe(true);
    const imCalls = ofRequest.filter((line) => line.msg === 'im call');
    expect(imCalls.map((line) => line.path)).toEqual(['/group/create.json', '/message/group/publish.json']);
    // No IM call of that request was logged without it.
    expect(lines().filter((line) => line.msg === 'im call' && line.requestId !== requestId)).toEqual([]);
  });

  it('reaches the IM Service as X-Request-ID', async () => {
    const log = await emulatorLog(fixture.emulator);
    expect(log.map((entry) => [entry.path, entry.requestId])).toEqual([
      ['/group/create.json', requestId],
      ['/message/group/publish.json', requestId],
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
