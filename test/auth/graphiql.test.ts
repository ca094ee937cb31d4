import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { AUDIENCE, freshSecret, ISSUER } from './helpers.js';

const gateways: GatewayFixture[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

/** The headers of every GraphiQL tab the page opens with. */
async function tabHeaders(auth: Config['auth']): Promise<unknown[]> {
  const fixture = await startGateway({ config: { auth } });
  gateways.push(fixture);
  const html = await (await fetch(`${fixture.url}/graphql`, { headers: { accept: 'text/html' } })).text();
  const call = html.lastIndexOf('renderYogaGraphiQL(');
  const args = html.slice(call, html.lastIndexOf('</script>'));
  const options = JSON.parse(args.slice(args.indexOf('{'), args.lastIndexOf('}') + 1)) as { defaultTabs: Array<{ headers?: string | null }> };
  expect(options.defaultTabs.length).toBeGreaterThan(0);
  return options.defaultTabs.map((tab) => JSON.parse(tab.headers ?? 'null'));
}

describe('GraphiQL tabs', () => {
  const secret = freshSecret();
  const jwt = { secret, issuer: ISSUER, audience: AUDIENCE };

  it('prefill a place for a bearer token when callers sign in with tokens', async () => {
    const headers = await tabHeaders({ dev: false, jwt });

    for (const tab of headers) expect(tab).toEqual({ Authorization: 'Bearer <paste a token>' });
  });

  it('prefill X-User-Id in dev mode, even with tokens accepted', async () => {
    for (const tab of await tabHeaders({ dev: true, jwt })) expect(tab).toEqual({ 'X-User-Id': 'alice' });
  });

  it('never carry the secret', async () => {
    const fixture = await startGateway({ config: { auth: { dev: false, jwt } } });
    gateways.push(fixture);
    const html = await (await fetch(`${fixture.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(html).not.toContain(secret);
  });
});
