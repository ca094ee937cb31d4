import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleTabs } from '../../src/graphql/operations.js';
import { freePort, killHard, spawnGateway, waitForLog, type GatewayProcess } from '../fixtures/process.js';

/**
 * GraphiQL in a real browser against the gateway as `npm start` runs it: Debian's Chromium
 * (installed by `.ci/run` when missing), driven by playwright-core, with every request to any
 * host other than the gateway's aborted.
 */

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCI = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

if (!haveChromium && !inCI) {
  console.log(`browser test skipped: ${CHROMIUM} is missing (apt-get install chromium; under CI=true this fails)`);
}

describe.skipIf(!haveChromium && !inCI)('GraphiQL in headless Chromium', () => {
  let gateway: GatewayProcess | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  let port = 0;

  beforeAll(async () => {
    if (!haveChromium) return; // the test fails, naming it
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'gateway-browser-'));
    gateway = spawnGateway({ PORT: String(port), DATABASE_URL: join(dataDir, 'gateway.sqlite'), LOG_LEVEL: 'info' });
    const [, launched] = await Promise.all([
      waitForLog(gateway, 'gateway ready'),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        // playwright-core gives each launch a fresh, empty profile directory of its own.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }),
    ]);
    browser = launched;
  }, 40_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (gateway) {
      gateway.child.kill('SIGTERM');
      await Promise.race([gateway.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      killHard(gateway);
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 15_000);

  it('loads with no outside network, and runs every tab twice in order on a fresh database, each answering with no error', { timeout: 120_000 }, async () => {
    expect(haveChromium, `${CHROMIUM} is missing: under CI it is required (.ci/run installs Debian's chromium)`).toBe(true);
    const context = await browser!.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    const gatewayOrigin = `http://localhost:${port}`;
    const blocked: string[] = [];
    const failedLocal: string[] = [];
    const pageErrors: string[] = [];
    const consoleErrors: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === gatewayOrigin) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    page.on('pageerror', (error) => pageErrors.push(String(error.stack ?? error)));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('requestfailed', (request) => {
      const url = request.url();
      // GraphiQL aborts a subscription's request itself once the stream has completed.
      const closedStream = (request.headers().accept ?? '').includes('text/event-stream') && request.failure()?.errorText === 'net::ERR_ABORTED';
      if (url.startsWith(`${gatewayOrigin}/`) && !closedStream) failedLocal.push(`${url} ${request.failure()?.errorText ?? ''}`);
    });

    const ran: string[] = [];
    try {
      const loaded = await page.goto(`${gatewayOrigin}/graphql`, { waitUntil: 'load' });
      expect(loaded?.status()).toBe(200);

      // GraphiQL has rendered: its tabs and the execute button are there.
      const tabs = page.locator('.graphiql-tab');
      await expect.poll(() => tabs.count(), { timeout: 20_000 }).toBe(exampleTabs().length);
      const execute = page.locator('button.graphiql-execute-button');
      await execute.waitFor({ state: 'visible', timeout: 20_000 });
      const queryLines = page.locator('.graphiql-query-editor .view-lines');
      const result = page.locator('.graphiql-response');

      for (const round of [1, 2]) {
        for (const [index, example] of exampleTabs().entries()) {
          const [, kind, name] = /^(query|mutation|subscription)\s+(\w+)/m.exec(example.query)!;
          // (A pointer click on a tab does not switch tabs in headless Chromium here, as the tabs are
          // drag-to-reorder items; a DOM click does.)
          const tab = tabs.nth(index);
          if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.locator('.graphiql-tab-button').dispatchEvent('click');
          await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
          await expect.poll(() => visibleText(queryLines.innerText())).toContain(`${kind} ${name}(`);
          // GraphiQL learns the tab's operation name from its editor a moment after the switch (a run
          // before that asks for the previous tab's operation); it records it in its stored tab state.
          await expect.poll(() => storedOperationName(page), { timeout: 10_000 }).toBe(name);

          // Run it, and read both what went over the wire and what the result pane shows.
          const answered = page.waitForResponse(
            (response) => response.url().startsWith(`${gatewayOrigin}/graphql`) && sentOperation(response.request()) === name,
            { timeout: 20_000 },
          );
          await execute.click();
          const response = await answered;
          expect(
            (await response.request().allHeaders())['x-user-id'],
            "each tab's X-User-Id header (GraphiQL does not load a first default tab's headers unless Yoga's graphiql.headers sets them)",
          ).toBe('alice');
          if (kind === 'subscription') {
            // Over Server-Sent Events, which GraphiQL reads and then closes (its body is gone for the
            // browser's tools): what it shows is the check. "bookclub" is dismissed by then, so the
            // stream's one item says so and the stream ends.
            await expect.poll(() => visibleText(result.innerText()), { timeout: 10_000 }).toContain('"__typename": "GroupNotFoundError"');
            expect(await visibleText(result.innerText())).not.toContain('"errors"');
            ran.push(`${round} ${name}`);
            continue;
          }
          const body = (await response.json()) as GraphQLBody;
          expect(body.errors, `${name}, round ${round}: ${JSON.stringify(body)}`).toBeUndefined();
          const answer = Object.values(body.data ?? {})[0] as { __typename?: string } | null;
          if (kind === 'mutation') expect(answer?.__typename, `${name}, round ${round}`).toMatch(/Success$/);
          await expect.poll(() => visibleText(result.innerText()), { timeout: 10_000 }).toContain(`"${Object.keys(body.data ?? {})[0]}"`);
          expect(await visibleText(result.innerText())).not.toContain('"errors"');
          ran.push(`${round} ${name}`);
        }
      }
    } finally {
      await saveArtifacts(page, { blocked, failedLocal, pageErrors, consoleErrors, ran });
      await context.close();
    }

    expect(ran).toHaveLength(2 * exampleTabs().length);
    console.log(
      `GraphiQL: ${blocked.length} outside request(s) attempted and aborted` +
        (blocked.length ? `: ${[...new Set(blocked)].join(', ')}` : ''),
    );
    expect(pageErrors).toEqual([]);
    expect(failedLocal).toEqual([]);
  });
});

type GraphQLBody = { data?: Record<string, { __typename?: string } | unknown> | null; errors?: unknown[] };

/** The operation a GraphiQL request runs: its `operationName`, or its document's first operation, from a POST body or a GET's URL. */
function sentOperation(request: Request): string | null {
  const params = request.method() === 'GET' ? Object.fromEntries(new URL(request.url()).searchParams) : (JSON.parse(request.postData() ?? '{}') as Record<string, string>);
  return params.operationName || (/(?:query|mutation|subscription)\s+(\w+)/.exec(params.query ?? '')?.[1] ?? null);
}

/** The operation name GraphiQL holds for its active tab, from the tab state it keeps in localStorage. */
async function storedOperationName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const state = JSON.parse(localStorage.getItem('graphiql:tabState') ?? 'null') as { activeTabIndex: number; tabs: Array<{ operationName: string | null }> } | null;
    return state?.tabs[state.activeTabIndex]?.operationName ?? null;
  });
}

/** Monaco lays text out with no-break spaces. */
async function visibleText(text: Promise<string>): Promise<string> {
  return (await text).replaceAll('\u00a0', ' ');
}

/** A screenshot and what the page tried, under `test/artifacts/` (ignored by git), pass or fail. */
async function saveArtifacts(page: Page, record: Record<string, string[]>): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'graphiql.png') }).catch(() => undefined);
  writeFileSync(join(artifacts, 'graphiql-requests.json'), `${JSON.stringify(record, null, 2)}\n`);
}
