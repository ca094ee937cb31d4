import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('loads with no outside network, runs the createGroup tab and shows CreateGroupSuccess', { timeout: 45_000 }, async () => {
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
      if (url.startsWith(`${gatewayOrigin}/`)) failedLocal.push(`${url} ${request.failure()?.errorText ?? ''}`);
    });

    try {
      const loaded = await page.goto(`${gatewayOrigin}/graphql`, { waitUntil: 'load' });
      expect(loaded?.status()).toBe(200);

      // GraphiQL has rendered: its tabs and the execute button are there.
      const tabs = page.locator('.graphiql-tab');
      await expect.poll(() => tabs.count(), { timeout: 20_000 }).toBeGreaterThan(1);
      const execute = page.locator('button.graphiql-execute-button');
      await execute.waitFor({ state: 'visible', timeout: 20_000 });

      // The first tab is the createGroup example: make it the active one.
      // (A pointer click on a tab does not switch tabs in headless Chromium here, as the tabs are
      // drag-to-reorder items; a DOM click does.)
      const first = tabs.first();
      if ((await first.getAttribute('aria-selected')) !== 'true') await first.locator('.graphiql-tab-button').dispatchEvent('click');
      await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => first.innerText()).toContain('CreateGroup');
      const queryLines = page.locator('.graphiql-query-editor .view-lines');
      await expect.poll(() => visibleText(queryLines.innerText())).toContain('mutation CreateGroup(');

      // Run it, and read both what went over the wire and what the result pane shows.
      const answered = page.waitForResponse(
        (response) =>
          response.url() === `${gatewayOrigin}/graphql` &&
          response.request().method() === 'POST' &&
          (response.request().postData() ?? '').includes('mutation CreateGroup'),
        { timeout: 20_000 },
      );
      await execute.click();
      const response = await answered;
      expect(
        (await response.request().allHeaders())['x-user-id'],
        "the createGroup tab's X-User-Id header (GraphiQL does not load a first default tab's headers unless Yoga's graphiql.headers sets them)",
      ).toBe('alice');
      const body = (await response.json()) as {
        data?: { createGroup?: { __typename: string; group?: { owner: { userId: string }; syncStatus: string } } };
      };
      expect(body.data?.createGroup).toMatchObject({
        __typename: 'CreateGroupSuccess',
        group: { owner: { userId: 'alice' }, syncStatus: 'SYNCED' },
      });
      const result = page.locator('.graphiql-response');
      await expect.poll(() => visibleText(result.innerText()), { timeout: 10_000 }).toContain('"__typename": "CreateGroupSuccess"');
    } finally {
      await saveArtifacts(page, { blocked, failedLocal, pageErrors, consoleErrors });
      await context.close();
    }

    console.log(
      `GraphiQL: ${blocked.length} outside request(s) attempted and aborted` +
        (blocked.length ? `: ${[...new Set(blocked)].join(', ')}` : ''),
    );
    expect(pageErrors).toEqual([]);
    expect(failedLocal).toEqual([]);
  });
});

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
