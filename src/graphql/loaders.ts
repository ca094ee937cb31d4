import DataLoader from 'dataloader';
import { GROUP_ID } from '../groups/rules.js';
import type { GroupService, RequestScope } from '../groups/service.js';
import { badInput } from './access.js';
import type { GroupRow, MemberRow } from '../groups/store/tables.js';

/** Per-request batching: every read of the store in one request goes through these. */
export interface Loaders {
  group: DataLoader<string, GroupRow | null>;
  /** The owner's membership, by group id. */
  owner: DataLoader<string, MemberRow | null>;
  /** The caller's own membership, by group id (null for an outsider or an anonymous caller). */
  viewerMembership: DataLoader<string, MemberRow | null>;
}

export function createLoaders(service: GroupService, scope: RequestScope): Loaders {
  const { reads } = service;
  const viewerId = scope.callerId;
  return {
    group: new DataLoader(async (ids) => {
      // An id no group can have is not looked up (PostgreSQL refuses a NUL, for one): it answers
      // a BAD_USER_INPUT error of its own, and the other ids of a batch their groups.
      const rows = await reads.groupsByIds(ids.filter((id) => GROUP_ID.test(id)));
      return alignBy(ids, rows, (row) => row.group_id).map((row, i) => (GROUP_ID.test(ids[i]!) ? row : notAGroupId()));
    }),
    owner: new DataLoader(async (ids) => alignBy(ids, await reads.ownersOf(ids), (row) => row.group_id)),
    viewerMembership: new DataLoader(async (ids) =>
      viewerId ? alignBy(ids, await reads.membershipsOf(viewerId, ids), (row) => row.group_id) : ids.map(() => null),
    ),
  };
}

/** Puts rows in the order of the keys DataLoader asked for, null where a key has no row. */
function alignBy<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}

function notAGroupId(): Error {
  return badInput('groupId is not a group id (1 to 64 letters and digits)');
}
