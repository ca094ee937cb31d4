import { isValidUserId, USER_ID_RULE } from '../groups/user-ids.js';

/** The domain's one rule for user ids (see `src/groups/user-ids.ts`), the same for headers and tokens. */
export const isAcceptableUserId = isValidUserId;
export { USER_ID_RULE };
