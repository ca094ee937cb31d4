/**
 * bench:graphql's three cases, each against a fresh target process:
 *
 *   hello    a bare `createYoga` server (schema `hello: String`) answering `{ hello }`
 *   groups   the gateway answering `groups(groupIds:)` for 20 groups (4 members each) with `name memberCount`,
 *            then the SQL statements one more such request costs
 *   create   the gateway answering `createGroup` with 10 member ids (no groupId, so one is generated
 *            per request), IM rate limits raised to 1 000 000/s in both the limiter and the emulator
 */
import { measure, post, type Check, type Figures } from './load.js';
import { checkGroups, checkHello, createBody, createdGroup, groupsBody, helloBody } from './requests.js';
import { TargetProcess } from './target-process.js';

const GROUPS = 20;
const MEMBERS_PER_READ_GROUP = 3; // plus the owner: 4 members each
const CREATE_MEMBERS = 10;

export function helloCase(): Promise<Figures> {
  return TargetProcess.with('hello', (target) => measure(target, helloBody, checkHello));
}

/**
 * sqlPerGroupsQuery: after the load, the dispatcher is stopped (its polling would add statements)
 * and `store.statementCount()` is read before and after one more identical request.
 */
export function groupsCase(): Promise<{ figures: Figures; sqlPerGroupsQuery: number }> {
  return TargetProcess.with('gateway', async (target) => {
    const groupIds: string[] = [];
    const memberIds = Array.from({ length: MEMBERS_PER_READ_GROUP }, (_, i) => `member${i}`);
    for (let i = 0; i < GROUPS; i++) {
      const { status, text } = await post(target.url, createBody(`bench group ${i}`, memberIds));
      const group = createdGroup(status, text, MEMBERS_PER_READ_GROUP + 1);
      if (typeof group === 'string' || !group) throw new Error(`set-up createGroup failed: ${String(group)}`);
      groupIds.push(group.groupId);
    }
    const body = groupsBody(groupIds);
    const check = checkGroups(GROUPS, MEMBERS_PER_READ_GROUP + 1);
    const figures = await measure(target, body, check);

    await target.request('stopDispatcher');
    const before = await target.request('statementCount');
    const { status, text } = await post(target.url, body);
    const after = await target.request('statementCount');
    const failure = check(status, text);
    if (failure) throw new Error(`the counted groups request failed: ${failure}`);
    return { figures, sqlPerGroupsQuery: after! - before! };
  });
}

/** pendingCreates: answers that were `CreateGroupSuccess` but still PENDING at the IM Service (reported, not failures). */
export function createCase(): Promise<{ figures: Figures; pendingCreates: number }> {
  const body = createBody(
    'bench group',
    Array.from({ length: CREATE_MEMBERS }, (_, i) => `member${i}`),
  );
  let pendingCreates = 0;
  const check: Check = (status, text) => {
    const group = createdGroup(status, text, CREATE_MEMBERS + 1);
    if (typeof group === 'string') return group;
    if (group?.syncStatus !== 'SYNCED') pendingCreates++;
    return null;
  };
  return TargetProcess.with('gateway', async (target) => ({ figures: await measure(target, body, check), pendingCreates }));
}
