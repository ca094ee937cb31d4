/**
 * What bench:graphql's cases send (fixed bodies built from the test kit's operations, and the bare
 * Yoga baseline's query) and how each answer is checked: only a correct answer counts towards the rate.
 */
import { mutationBody, queryBody } from '../../test/kit/client.js';
import type { Check } from './load.js';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string }>;
}

interface CreateAnswer {
  __typename: string;
  message?: string;
  group?: { groupId: string; memberCount: number; syncStatus: string };
}

/** The baseline, sent to a bare GraphQL Yoga server, not to the gateway. */
export const helloBody = JSON.stringify({ query: '{ hello }' });

export const checkHello: Check = (status, body) => {
  const json = parse(status, body);
  if (typeof json === 'string') return json;
  return json.data?.hello === 'world' ? null : `unexpected answer: ${body.slice(0, 200)}`;
};

export function createBody(name: string, memberIds: string[]): string {
  return JSON.stringify(mutationBody('createGroup', { name, memberIds }));
}

/** The group when the answer is `CreateGroupSuccess` with `memberCount` members, else a failure description. */
export function createdGroup(status: number, body: string, memberCount: number): CreateAnswer['group'] | string {
  const json = parse(status, body);
  if (typeof json === 'string') return json;
  const answer = json.data?.createGroup as CreateAnswer | undefined;
  if (answer?.__typename !== 'CreateGroupSuccess' || !answer.group) {
    return `${answer?.__typename ?? 'no createGroup'}: ${answer?.message ?? body.slice(0, 200)}`;
  }
  if (answer.group.memberCount !== memberCount) return `memberCount ${answer.group.memberCount}, expected ${memberCount}`;
  return answer.group;
}

export function groupsBody(groupIds: string[]): string {
  return JSON.stringify(queryBody('conversationList', { groupIds }));
}

/** `expected` groups, each with `memberCount` members. */
export function checkGroups(expected: number, memberCount: number): Check {
  return (status, body) => {
    const json = parse(status, body);
    if (typeof json === 'string') return json;
    const groups = json.data?.groups as Array<{ name: string; memberCount: number } | null> | undefined;
    if (!groups || groups.length !== expected) return `expected ${expected} groups: ${body.slice(0, 200)}`;
    const wrong = groups.find((group) => group?.memberCount !== memberCount);
    return wrong === undefined ? null : `unexpected group ${JSON.stringify(wrong)}`;
  };
}

/** The answer when it is a 200 without errors, else a failure description. */
function parse(status: number, body: string): GraphQLAnswer | string {
  if (status !== 200) return `HTTP ${status}: ${body.slice(0, 200)}`;
  let json: GraphQLAnswer;
  try {
    json = JSON.parse(body) as GraphQLAnswer;
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
  if (json.errors?.length) return `errors: ${json.errors.map((error) => error.message).join('; ')}`;
  return json;
}
