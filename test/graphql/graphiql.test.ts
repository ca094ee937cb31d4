import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleTabs } from '../../src/graphql/operations.js';
import { openSse } from '../kit/sse.js';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';

const operationsDir = new URL('../../schema/operations/', import.meta.url);

const gateways: GatewayFixture[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function gateway(config?: Parameters<typeof startGateway>[0]): Promise<GatewayFixture> {
  const fixture = await startGateway(config);
  gateways.push(fixture);
  return fixture;
}

/** What a browser gets when it opens `/graphql`. */
async function openInBrowser(fixture: GatewayFixture): Promise<{ status: number; contentType: string; html: string }> {
  const response = await fetch(`${fixture.url}/graphql`, { headers: { accept: 'text/html' } });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', html: await response.text() };
}

interface GraphiQLTab {
  query: string;
  variables?: string;
  headers?: string | null;
}

/** The options the page hands to GraphiQL: the last `{...}` argument of its render call. */
function graphiqlOptions(html: string): { defaultTabs: GraphiQLTab[] } {
  const call = html.lastIndexOf('renderYogaGraphiQL(');
  const end = html.lastIndexOf('</script>');
  expect(call, 'the page renders GraphiQL').toBeGreaterThan(-1);
  const args = html.slice(call, end);
  const json = args.slice(args.indexOf('{'), args.lastIndexOf('}') + 1);
  return JSON.parse(json) as { defaultTabs: GraphiQLTab[] };
}

/** Every place in the page that would make a browser fetch from another host. */
function remoteLoads(html: string): string[] {
  const patterns = [
    /\b(?:src|href|srcset|action|poster|data)\s*=\s*["'`]?\s*(?:https?:)?\/\/[^\s"'`>]*/gi,
    /url\(\s*["']?\s*(?:https?:)?\/\/[^)]*\)/gi,
    /@import\s+["']?(?:https?:)?\/\/[^\s"';]*/gi,
    /(?:importScripts|new\s+Worker|new\s+SharedWorker|import)\(\s*["'`](?:https?:)?\/\/[^"'`]*/gi,
    /https?:\/\/[^\s"'`)]*(?:unpkg|jsdelivr|cdnjs|esm\.sh|skypack|cdn\.)[^\s"'`)]*/gi,
    /\b(?:unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com)\b/gi,
  ];
  return patterns.flatMap((pattern) => html.match(pattern) ?? []);
}

describe('GraphiQL at /graphql', () => {
  it('answers a browser with a page that loads nothing from any other host', async () => {
    const fixture = await gateway();

    const page = await openInBrowser(fixture);

    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    expect(page.html).toMatch(/<html[\s>]/i);
    expect(remoteLoads(page.html)).toEqual([]);
  });

  it('opens one tab per example operation in schema/operations, prefilled with X-User-Id in embedded mode', async () => {
    const fixture = await gateway();
    const examples = readdirSync(operationsDir)
      .filter((file) => file.endsWith('.graphql'))
      .sort()
      .map((file) => readFileSync(new URL(file, operationsDir), 'utf8'));

    const { html } = await openInBrowser(fixture);

    expect(html).toContain('mutation CreateGroup');
    expect(html).toContain('query ConversationList');
    const tabs = graphiqlOptions(html).defaultTabs;
    expect(tabs.map((tab) => tab.query)).toEqual(examples);
    for (const tab of tabs) expect(JSON.parse(tab.headers ?? 'null')).toEqual({ 'X-User-Id': 'alice' });
    // Variables sit in the Variables pane, not in the operation's signature.
    expect(tabs.map((tab) => tab.variables ?? null)).toEqual(exampleTabs().map((tab) => tab.variables));
    for (const tab of tabs) expect(tab.query, tab.query).not.toMatch(/\$\w+:[^,)]*=/);
    expect(tabs.filter((tab) => tab.variables).length).toBe(tabs.length);
  });

  it('tells one story: every tab, run in order on a fresh database and then all again, succeeds', async () => {
    const fixture = await gateway();
    const answers: string[] = [];

    for (const round of [1, 2]) {
      for (const { query, variables } of exampleTabs()) {
        const [, kind, name] = /^(query|mutation|subscription)\s+(\w+)/m.exec(query)!;
        const body = await runTab(fixture.url, kind!, { query, variables: variables ? JSON.parse(variables) : undefined });
        expect(body.errors, `${name}, round ${round}`).toBeUndefined();
        const [field] = Object.values(body.data ?? {});
        answers.push(`${round} ${name} ${kind === 'query' ? 'data' : (field as { __typename: string }).__typename}`);
      }
    }

    expect(answers).toEqual(
      [1, 2].flatMap((round) => [
        `${round} CreateGroup CreateGroupSuccess`,
        `${round} ConversationList data`,
        `${round} MyGroups data`,
        `${round} AddMembers AddGroupMembersSuccess`,
        `${round} SetMemberRole SetGroupMemberRoleSuccess`,
        `${round} GroupProfile UpdateGroupSuccess`,
        `${round} MyNickname SetGroupMemberNicknameSuccess`,
        `${round} MuteMember MuteGroupMembersSuccess`,
        `${round} MuteGroup SetGroupMutedSuccess`,
        `${round} RemoveMembers RemoveGroupMembersSuccess`,
        `${round} MakePublic UpdateGroupSuccess`,
        `${round} SearchGroups data`,
        `${round} GroupHistory data`,
        `${round} DismissGroup DismissGroupSuccess`,
        // Run after the dismissal, the subscription's one item says so, and its stream ends.
        `${round} BookclubEvents GroupNotFoundError`,
        `${round} JoinRules CreateGroupSuccess`,
        `${round} Invite InviteToGroupSuccess`,
        `${round} JoiningQueue data`,
      ]),
    );
  });

  it('prefills no X-User-Id header when callers are not named by it', async () => {
    const fixture = await gateway({ config: { auth: { dev: false, jwt: null } } });

    const { html } = await openInBrowser(fixture);

    const tabs = graphiqlOptions(html).defaultTabs;
    expect(tabs.length).toBeGreaterThan(0);
    for (const tab of tabs) expect(tab.headers ?? null).toBeNull();
  });
});

describe('/health', () => {
  it('answers 200', async () => {
    const fixture = await gateway();

    const response = await fetch(`${fixture.url}/health`);

    expect(response.status).toBe(200);
  });
});

type TabAnswer = { data?: Record<string, unknown>; errors?: unknown[] };

/** A tab's operation as GraphiQL sends it: a subscription over Server-Sent Events (its last item), the others as JSON. */
async function runTab(url: string, kind: string, body: { query: string; variables?: unknown }): Promise<TabAnswer> {
  if (kind === 'subscription') return subscribeOnce(url, body);
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user-id': 'alice' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as TabAnswer;
}

async function subscribeOnce(url: string, body: { query: string; variables?: unknown }): Promise<TabAnswer> {
  const stream = await openSse<TabAnswer>(url, body, { as: 'alice' });
  const how = await stream.ended;
  if (how !== 'complete') throw new Error(`the stream did not complete: ${JSON.stringify(stream.items)}`);
  return stream.items.at(-1) ?? { errors: ['no item'] };
}
