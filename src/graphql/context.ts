import type { GroupEvent } from '../groups/events/event.js';
import type { EventStreams } from '../groups/events/event-streams.js';
import type { GroupReader } from '../groups/reader.js';
import type { GroupService, RequestScope } from '../groups/service.js';

/** What every resolver sees: the service (changes), this request's reader, and who is asking. */
export interface Context {
  service: GroupService;
  /** Reads as the caller may make them, batched per request. */
  reader: GroupReader;
  scope: RequestScope;
  /** The subscriptions' use cases (live events). */
  events: EventStreams<GroupEvent>;
}
