import { BoundedList } from './bounded-list.js';

export const MAX_LOGGED_REQUESTS = 200_000;

export interface LoggedRequest {
  path: string;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status; null while unanswered and for hung or dropped calls. */
  status: number | null;
  /** Business code; null like `status`. */
  code: number | null;
  requestId: string | null;
}

/**
 * Every IM call in arrival order. Entries are created on arrival and completed when the
 * outcome is decided, so a hang or a drop simply stays null.
 */
export class RequestLog {
  private readonly entries = new BoundedList<LoggedRequest>(MAX_LOGGED_REQUESTS);

  start(path: string, at: number, requestId: string | null): LoggedRequest {
    const entry: LoggedRequest = { path, at, status: null, code: null, requestId };
    this.entries.push(entry);
    return entry;
  }

  all(): LoggedRequest[] {
    return this.entries.toArray();
  }

  clear(): void {
    this.entries.clear();
  }
}
