import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { gatewayProcess } from './memory.js';

/**
 * A client that sends its request slowly holds a connection and its buffers: the gateway cuts
 * it off at HTTP_HEADERS_TIMEOUT_MS / HTTP_REQUEST_TIMEOUT_MS (here 1 s and 2 s) instead of
 * Node's 60 s and 300 s. Real sockets against a gateway process.
 */

interface SlowClient {
  /** What the gateway answered before it closed the connection. */
  answer: string;
  /** Bytes the client managed to send before the gateway closed. */
  sent: number;
  closedAfterMs: number;
}

/** Sends `head`, then `trickle` one byte every 200 ms, until the gateway closes or 20 s pass. */
function slowClient(url: string, head: string, trickle: string): Promise<SlowClient> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const done = () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ answer, sent, closedAfterMs: Date.now() - startedAt });
    };
    const giveUp = setTimeout(done, 20_000);
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', done);
    socket.on('error', () => undefined);
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < trickle.length && socket.writable) socket.write(trickle[sent++]!);
      }, 200);
    });
  });
}

describe('slow clients', () => {
  it('are cut off at the header and request timeouts with a 408', async () => {
    const { url, gateway } = await gatewayProcess({ HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000' });
    const body = JSON.stringify({ query: `{ __typename ${' '.repeat(500)}}` });
    const [slowBody, slowHeaders] = await Promise.all([
      slowClient(url, `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, body),
      slowClient(url, 'POST /graphql HTTP/1.1\r\n', `Host: x\r\nContent-Type: application/json\r\nX-Padding: ${'p'.repeat(500)}\r\n\r\n`),
    ]);

    for (const client of [slowBody, slowHeaders]) {
      expect(client.answer).toMatch(/^HTTP\/1\.1 408 /);
      // Cut off long before the client was done (it needed 100 s for its 500 bytes), and in seconds.
      expect(client.sent).toBeLessThan(100);
      expect(client.closedAfterMs).toBeLessThan(15_000);
    }
    // The gateway still serves everyone else.
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(gateway.child.exitCode).toBeNull();
  }, 60_000);
});
