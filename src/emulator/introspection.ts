import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultState } from './faults.js';
import { readBody, sendJson } from './http-io.js';
import type { RequestLog } from './request-log.js';
import type { EmulatorState, Group } from './state.js';

export const INTROSPECTION_PREFIX = '/_emulator';

export interface IntrospectionContext {
  state: EmulatorState;
  log: RequestLog;
  faults: FaultState;
  resetAll(): void;
}

/** Test and benchmark hooks: no auth, no faults, no rate window, not logged. */
export async function handleIntrospection(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  context: IntrospectionContext,
): Promise<void> {
  const route = path.slice(INTROSPECTION_PREFIX.length);
  const method = req.method ?? 'GET';

  if (route === '/log') return onlyMethod(method, 'GET', res, () => ({ requests: context.log.all() }));
  if (route === '/messages') {
    return onlyMethod(method, 'GET', res, () => ({ messages: context.state.publishedMessages() }));
  }
  if (route === '/remarks') {
    return onlyMethod(method, 'GET', res, () => ({ remarks: context.state.allRemarks() }));
  }
  if (route === '/groups') {
    return onlyMethod(method, 'GET', res, () => ({
      groups: [...context.state.allGroups()].map(([groupId, group]) => describeGroup(groupId, group)),
    }));
  }
  if (route.startsWith('/groups/')) {
    if (method !== 'GET') return methodNotAllowed(res, 'GET');
    const groupId = decodeSegment(route.slice('/groups/'.length));
    const group = groupId === null ? undefined : context.state.group(groupId);
    if (groupId === null || !group) return sendJson(res, 404, { error: 'not found' });
    return sendJson(res, 200, describeGroup(groupId, group));
  }
  if (route === '/faults') {
    if (method !== 'POST') return methodNotAllowed(res, 'POST');
    return updateFaults(req, res, context.faults);
  }
  if (route === '/reset') {
    if (method !== 'POST') return methodNotAllowed(res, 'POST');
    context.resetAll();
    return sendJson(res, 200, { ok: true });
  }
  sendJson(res, 404, { error: 'not found' });
}

function onlyMethod(method: string, allowed: string, res: ServerResponse, body: () => unknown): void {
  if (method !== allowed) return methodNotAllowed(res, allowed);
  sendJson(res, 200, body());
}

function methodNotAllowed(res: ServerResponse, allowed: string): void {
  sendJson(res, 405, { error: 'method not allowed' }, { Allow: allowed });
}

function describeGroup(groupId: string, group: Group): { groupId: string; name: string; members: string[] } {
  return { groupId, name: group.name, members: [...group.members] };
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function updateFaults(req: IncomingMessage, res: ServerResponse, faults: FaultState): Promise<void> {
  const body = await readBody(req);
  if (!body.ok) {
    if (body.reason === 'too-large') sendJson(res, 413, { error: 'body too large' }, { Connection: 'close' });
    return;
  }
  let patch: unknown;
  try {
    patch = JSON.parse(body.text) as unknown;
  } catch {
    return sendJson(res, 400, { error: 'body must be JSON' });
  }
  try {
    sendJson(res, 200, faults.update(patch));
  } catch (error) {
    sendJson(res, 400, { error: (error as Error).message });
  }
}
