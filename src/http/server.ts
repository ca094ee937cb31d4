import { createServer, type RequestListener, type Server } from 'node:http';

export interface HttpTimeouts {
  /** How long a client may take to send its request headers. */
  headersTimeoutMs: number;
  /** How long a client may take to send its whole request, body included. */
  requestTimeoutMs: number;
}

/**
 * The gateway's HTTP server, with the request timeouts Node checks only every 30 s by default
 * (a body sent a byte at a time was held for 140 s): checked every second here, so a slow
 * client is answered 408 and cut off within about a second of its deadline. Answers are not
 * limited by these: a mutation waits for the IM Service up to `REQUEST_DEADLINE_MS` after its
 * request has arrived.
 */
export function createHttpServer(handler: RequestListener, timeouts: HttpTimeouts): Server {
  return createServer(
    {
      headersTimeout: timeouts.headersTimeoutMs,
      requestTimeout: timeouts.requestTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    handler,
  );
}
