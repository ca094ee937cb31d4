import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics` in Prometheus' text format. A scrape that fails (a gauge's database read, say)
 * answers a plain 503 and logs why: never a stack trace or a path of this machine.
 */
export function metricsEndpointPlugin(registry: Registry, logger: Logger, path = '/metrics'): Plugin {
  const log = logger.child({ component: 'metrics' });
  return {
    async onRequest({ url, request, endResponse }) {
      if (url.pathname !== path) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response('Use GET.\n', { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain' } }));
        return;
      }
      try {
        const text = await registry.metrics();
        endResponse(new Response(text, { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } }));
      } catch (error) {
        log.error({ errorName: error instanceof Error ? error.name : typeof error, err: error }, 'metrics scrape failed');
        endResponse(new Response('Metrics are unavailable; see the gateway log.\n', { status: 503, headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } }));
      }
    },
  };
}
