import type { Announcement, GroupAttribute } from '../../../groups/entities.js';
import { builder } from '../../builder.js';

/** The profile's parts that are more than a scalar: the announcement with its author, and the attributes. */

export const GroupAnnouncement = builder.objectRef<Announcement>('GroupAnnouncement').implement({
  description: "The group's announcement, as the owner or an admin last set it.",
  fields: (t) => ({
    text: t.exposeString('text', { description: 'The announcement, up to 1024 characters, line breaks kept.' }),
    setBy: t.exposeString('setBy', { description: 'The user id of who set it.' }),
    setAt: t.expose('setAt', { type: 'DateTime', description: 'When it was set.' }),
  }),
});

export const GroupAttributeType = builder.objectRef<GroupAttribute>('GroupAttribute').implement({
  description: 'One app-defined key/value string hung on a group (a topic, a colour, a linked resource).',
  fields: (t) => ({
    key: t.exposeString('key', { description: '1 to 32 letters, digits and `_`.' }),
    value: t.exposeString('value', { description: 'Up to 1024 characters.' }),
  }),
});

export const GroupAttributeInput = builder.inputType('GroupAttributeInput', {
  description: 'One attribute to set, or to remove.',
  fields: (t) => ({
    key: t.string({ required: true, description: '1 to 32 letters, digits and `_`.' }),
    value: t.string({ required: false, description: 'The new value, up to 1024 characters; null removes the key.' }),
  }),
});
