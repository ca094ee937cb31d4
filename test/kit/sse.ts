import { captureText } from '../fixtures/secrets.js';
import type { RequestOptions } from './http.js';

/**
 * A GraphQL subscription over Server-Sent Events as a browser's `fetch` runs it (Yoga's
 * "distinct connections" protocol, the one GraphiQL uses): one POST with
 * `Accept: text/event-stream`, then `event: next` items until `event: complete`; comment lines
 * (`:`) are the server's heartbeats. No vitest here: the benchmark opens a thousand of these.
 */
export interface SseStream<T> {
  /** The HTTP status of the answer. */
  status: number;
  /** Every `next` payload received so far, in order. */
  items: T[];
  /** Comment lines received (Yoga's keep-alive pings). */
  heartbeats: number;
  /** Resolves with how the stream ended: the server completed it, or the connection closed without. */
  ended: Promise<'complete' | 'closed'>;
  /** The next payload not yet taken by `next` (waits up to `timeoutMs`). */
  next(timeoutMs?: number): Promise<T>;
  /** Called on each payload as it arrives (the benchmark's clock). */
  onItem(listener: (item: T) => void): void;
  /** Disconnects, as a client that goes away. */
  close(): void;
}

export interface SseOptions extends RequestOptions {
  /** Another fetch (the benchmark passes one with a larger connection pool). */
  fetch?: typeof fetch;
  /** Keep every raw chunk for the suite's secret scan (default true; the benchmark says false). */
  capture?: boolean;
}

export async function openSse<T>(baseUrl: string, body: { query: string; variables?: unknown }, options: SseOptions = {}): Promise<SseStream<T>> {
  const controller = new AbortController();
  const response = await (options.fetch ?? fetch)(`${baseUrl}/graphql`, {
    method: 'POST',
    signal: controller.signal,
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(options.as ? { 'x-user-id': options.as } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify(body),
  });
  const items: T[] = [];
  const listeners: Array<(item: T) => void> = [];
  let taken = 0;
  let wake: (() => void) | null = null;
  let endedHow: 'complete' | 'closed' | null = null;
  const stream: SseStream<T> = {
    status: response.status,
    items,
    heartbeats: 0,
    ended: undefined as unknown as Promise<'complete' | 'closed'>,
    async next(timeoutMs = 10_000) {
      const giveUpAt = Date.now() + timeoutMs;
      while (taken >= items.length) {
        if (endedHow) throw new Error(`the stream ended (${endedHow}) after ${items.length} items: ${JSON.stringify(items)}`);
        const left = giveUpAt - Date.now();
        if (left <= 0) throw new Error(`no item within ${timeoutMs} ms; received so far: ${JSON.stringify(items)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return items[taken++]!;
    },
    onItem(listener) {
      listeners.push(listener);
    },
    close() {
      controller.abort();
    },
  };
  const notify = () => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  stream.ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    if (!(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      // A refusal before any stream (a request error): its JSON answer is the one item.
      const text = await response.text();
      if (options.capture !== false) captureText(text);
      items.push(JSON.parse(text) as T);
      return (endedHow = 'complete');
    }
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        const text = decoder.decode(chunk, { stream: true });
        if (options.capture !== false) captureText(text);
        buffer += text;
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const lines = block.split('\n');
          if (lines.every((line) => line.startsWith(':'))) {
            stream.heartbeats++;
            continue;
          }
          const event = lines.find((line) => line.startsWith('event:'))?.slice(6).trim();
          const data = lines.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
          if (event === 'complete') return (endedHow = 'complete');
          if (data) {
            const item = JSON.parse(data) as T;
            items.push(item);
            for (const listener of listeners) listener(item);
            notify();
          }
        }
      }
    } catch {
      // aborted by close(), or the connection dropped
    }
    return (endedHow = 'closed');
  })().finally(notify);
  return stream;
}
