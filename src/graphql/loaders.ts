import DataLoader from 'dataloader';
import type { GroupService, RequestScope } from '../groups/service.js';
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
    group: new DataLoader(async (ids) => alignBy(ids, await reads.groupsByIds(ids), (row) => row.group_id)),
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
