import type { GroupService, RequestScope } from '../groups/service.js';
import type { Loaders } from './loaders.js';

/** What every resolver sees: the service, this request's loaders, and who is asking. */
export interface Context {
  service: GroupService;
  loaders: Loaders;
  scope: RequestScope;
}
