import { z } from 'zod';
import { IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, groupChangeSuccess } from './change-mutation.js';
import { groupIdField, idempotencyKeyField, ruled } from './input-fields.js';

const SetGroupMutedSuccess = groupChangeSuccess('setGroupMuted', 'The group is muted, or speaks again, as asked (`Group.muted`).');

changeMutation('setGroupMuted', {
  description:
    'Mutes the whole group, or lifts that (owner and admins): while muted only the owner and admins may send messages. The IM Service ' +
    'enforces it (its group ban, with the owner and admins on its speaking whitelist, kept in step as roles change). Members muted one by ' +
    'one stay muted either way. Setting the state the group already has changes nothing. No notice is published.',
  inputDescription: 'Whether the whole group is muted.',
  input: (t) => ({
    groupId: groupIdField(t),
    muted: ruled(t.boolean({ required: true, description: 'true: only the owner and admins speak; false: everyone does.' }), z.boolean()),
    idempotencyKey: idempotencyKeyField(t),
  }),
  success: SetGroupMutedSuccess,
  errors: [...IM_CHANGE_ERRORS, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.setGroupMuted(input, context.scope),
});
