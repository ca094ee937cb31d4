/**
 * bench:graphql's cases:
 *
 *   hello    a bare `createYoga` server (schema `hello: String`) answering `{ hello }`
 *   groups   the gateway answering `groups(groupIds:)` for 20 groups (4 members each) with `name memberCount`,
 *            on SQLite and on PostgreSQL, then the SQL statements one more such request costs
 *   create   the gateway answering `createGroup` with 10 member ids (no groupId, so one is generated
 *            per request), IM rate limits raised to 1 000 000/s in both the limiter and the emulator,
 *            then the SQL statements one create costs
 *
 * The reads are measured in rounds: hello, groups on SQLite, groups on PostgreSQL, again, each
 * against a target process started once. On a shared machine the load moves within seconds; a
 * ratio taken within one round compares the two servers under the same load, and the rounds
 * show how much it moved.
 */
import { probePostgres } from '../cluster/services.js';
import { measure, post, type Check, type Figures, type Window } from './load.js';
import { checkGroups, checkHello, createBody, createdGroup, groupsBody, helloBody } from './requests.js';
import { TargetProcess } from './target-process.js';

const GROUPS = 20;
const MEMBERS_PER_READ_GROUP = 3; // plus the owner: 4 members each
const CREATE_MEMBERS = 10;
export const READ_ROUNDS = 3;
export const READ_WINDOW: Window = { warmupMs: 1000, measureMs: 3000 };
/** Creates counted one after another, for the statements one costs. */
const COUNTED_CREATES = 20;

export interface ReadRounds {
  hello: Figures[];
  groups: Figures[];
  /** Null when PostgreSQL cannot be reached (said on stderr). */
  groupsPostgres: Figures[] | null;
  sqlPerGroupsQuery: number;
  sqlPerGroupsQueryPostgres: number | null;
}

/** A gateway target with the 20 groups created, and the read's body and check. */
async function readTarget(kind: 'gateway' | 'gateway-postgres') {
  const target = await TargetProcess.start(kind);
  const groupIds: string[] = [];
  const memberIds = Array.from({ length: MEMBERS_PER_READ_GROUP }, (_, i) => `member${i}`);
  for (let i = 0; i < GROUPS; i++) {
    const { status, text } = await post(target.url, createBody(`bench group ${i}`, memberIds));
    const group = createdGroup(status, text, MEMBERS_PER_READ_GROUP + 1);
    if (typeof group === 'string' || !group) {
      await target.close();
      throw new Error(`set-up createGroup failed on ${kind}: ${String(group)}`);
    }
    groupIds.push(group.groupId);
  }
  return { target, body: groupsBody(groupIds), check: checkGroups(GROUPS, MEMBERS_PER_READ_GROUP + 1) };
}

/** The SQL statements one more request costs, averaged over `requests`: `store.statementCount()` before and after. */
async function statementsPer(target: TargetProcess, body: string, check: Check, requests = 1): Promise<number> {
  const before = await target.request('statementCount');
  for (let i = 0; i < requests; i++) {
    const { status, text } = await post(target.url, body);
    const failure = check(status, text);
    if (failure) throw new Error(`a counted request failed: ${failure}`);
  }
  const after = await target.request('statementCount');
  return (after! - before!) / requests;
}

export async function readRounds(): Promise<ReadRounds> {
  const postgres = await probePostgres();
  if (!postgres.ok) console.error(`${postgres.reason}: the PostgreSQL read is left out`);
  const hello = await TargetProcess.start('hello');
  const reads = [await readTarget('gateway'), postgres.ok ? await readTarget('gateway-postgres') : null] as const;
  try {
    const rounds: ReadRounds = { hello: [], groups: [], groupsPostgres: postgres.ok ? [] : null, sqlPerGroupsQuery: 0, sqlPerGroupsQueryPostgres: null };
    for (let round = 0; round < READ_ROUNDS; round++) {
      rounds.hello.push(await measure(hello, helloBody, checkHello, READ_WINDOW));
      rounds.groups.push(await measure(reads[0].target, reads[0].body, reads[0].check, READ_WINDOW));
      if (reads[1]) rounds.groupsPostgres!.push(await measure(reads[1].target, reads[1].body, reads[1].check, READ_WINDOW));
    }
    // The dispatcher stopped first: its polling would add statements.
    for (const read of reads) if (read) await read.target.request('stopDispatcher');
    rounds.sqlPerGroupsQuery = await statementsPer(reads[0].target, reads[0].body, reads[0].check);
    if (reads[1]) rounds.sqlPerGroupsQueryPostgres = await statementsPer(reads[1].target, reads[1].body, reads[1].check);
    return rounds;
  } finally {
    await Promise.all([hello.close(), ...reads.map((read) => read?.target.close())]);
  }
}

/**
 * pendingCreates: answers that were `CreateGroupSuccess` but still PENDING at the IM Service
 * (reported, not failures). statementsPerCreate: averaged over creates made one after another
 * once the load is over, their outbox rows sent and settled; the dispatcher keeps running (it
 * sends them), so its polls of the outbox, two every 500 ms, count too: a few over the 12 (10 for the change, in two transactions, and 2 reads for the answer).
 */
export function createCase(): Promise<{ figures: Figures; pendingCreates: number; statementsPerCreate: number }> {
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
  return TargetProcess.with('gateway', async (target) => {
    const figures = await measure(target, body, check);
    const counted = pendingCreates;
    const statementsPerCreate = await statementsPer(target, body, check, COUNTED_CREATES);
    return { figures, pendingCreates: counted, statementsPerCreate };
  });
}
