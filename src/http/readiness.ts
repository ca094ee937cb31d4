import type { Plugin } from 'graphql-yoga';

export interface ReadinessReport {
  ready: boolean;
  /** The store answers a query. */
  database: 'up' | 'down';
  /** The shared rate-limit budget answers; `off` when this instance keeps its own. */
  redis: 'up' | 'down' | 'off';
  /** True once shutdown began: load balancers should stop sending traffic. */
  stopping: boolean;
}

/** `GET /ready`: 200 with the report when the gateway can serve, 503 (same report) when it cannot. */
export function readinessPlugin(check: () => Promise<ReadinessReport>): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/ready' || request.method !== 'GET') return;
      const report = await check();
      endResponse(
        new Response(JSON.stringify(report), {
          status: report.ready ? 200 : 503,
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
