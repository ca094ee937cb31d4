import type { GenericInputFieldRef, InputShapeFromFields, ObjectFieldsShape, ObjectRef } from '@pothos/core';
import type { Group as GroupEntity } from '../../../groups/entities.js';
import type { MembershipChange } from '../../../groups/service.js';
import { builder, successName, type SchemaTypes } from '../../builder.js';
import type { Context } from '../../context.js';
import { GroupMember, memberNodeId } from './group-member.type.js';
import { Group } from './group.type.js';
import { withRules, type Ruled } from './input-fields.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>;
type ErrorClass = abstract new (...args: never[]) => Error;
type RuledFields = Record<string, Ruled<GenericInputFieldRef<unknown>>>;
type FieldsOf<Declared extends RuledFields> = { [K in keyof Declared]: Declared[K]['field'] };

/** A mutation in the one shape every mutation has: `name(input: <Name>Input!): <Name>Result`. */
export interface ChangeMutation<Declared extends RuledFields, Success> {
  /** What it does and who may, for GraphiQL. */
  description: string;
  /** What `<Name>Input` holds. */
  inputDescription: string;
  /** The input's fields, each with its rule (`input-fields.ts`). */
  input(t: InputFields): Declared;
  /** A rule over the whole input (fields that go together), reported with the fields' own issues. */
  inputRule?: { check(input: InputShapeFromFields<FieldsOf<Declared>>): boolean; message: string };
  /** `<Name>Success` (`successType`). */
  success: ObjectRef<SchemaTypes, Success>;
  /** Every typed failure it answers, as members of `<Name>Result`. */
  errors: readonly ErrorClass[];
  /** One call into the domain. */
  resolve(input: InputShapeFromFields<FieldsOf<Declared>>, context: Context): Promise<Success>;
}

/**
 * Declares a mutation: the input type and its validation, the success type, the result union and
 * their names follow from `name` and the builder's defaults, so a mutation file holds only what
 * is its own.
 */
export function changeMutation<Declared extends RuledFields, Success>(name: string, spec: ChangeMutation<Declared, Success>): void {
  builder.mutationField(name, (t) => {
    const { input, validate: fieldsRule } = withRules(spec.input(t.input));
    const validate = spec.inputRule ? fieldsRule.refine((value) => spec.inputRule!.check(value as never), spec.inputRule.message) : fieldsRule;
    return t.fieldWithInput({
      type: spec.success,
      description: spec.description,
      typeOptions: { description: spec.inputDescription, validate },
      argOptions: { description: spec.inputDescription },
      input: input as FieldsOf<Declared>,
      errors: { types: [...spec.errors] as never, directResult: true, union: resultUnion(name) },
      // The generic field types defeat Pothos's inference here; `spec.resolve`'s own signature carries the input's type.
      resolve: (async (_root: unknown, args: { input: InputShapeFromFields<FieldsOf<Declared>> }, context: Context) => {
        const success = await spec.resolve(args.input, context);
        // Later fields of this request read the store as the change left it, not as cached before.
        context.reader.clear();
        return success;
      }) as never,
    });
  });
}

/** The union a mutation answers is described alike everywhere. */
function resultUnion(fieldName: string) {
  return { description: `The outcome of \`${fieldName}\`: \`${successName(fieldName)}\`, or one of its typed errors (switch on \`__typename\`).` };
}

/** `<Name>Success`, the union's member a client reads when the mutation did what it asked. */
export function successType<Success>(
  name: string,
  description: string,
  fields: ObjectFieldsShape<SchemaTypes, Success>,
): ObjectRef<SchemaTypes, Success> {
  return builder.objectRef<Success>(successName(name)).implement({ description, fields });
}

/** The group as the change left it: the field most success types carry, so clients' caches follow the change. */
export function groupAfterChange<Success>(t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, Success>, group: (success: Success) => GroupEntity, description = 'The group after the change.') {
  return t.field({ type: Group, description, resolve: group });
}

/** `<Name>Success` that is the group as the change left it, in its one field `group`. */
export function groupChangeSuccess(name: string, description: string) {
  return successType<GroupEntity>(name, description, (t) => ({ group: groupAfterChange(t, (group) => group) }));
}

/** A field of a success type whose name is the mutation's own (`addedUserIds`, `addedMembers`, …). */
interface Named {
  field: string;
  description: string;
}

/**
 * `<Name>Success` of a change of who is in the group or of their roles: the group after it, and
 * what a client's cache needs to follow it without a refetch: the users it moved (`userIds`), the
 * memberships it made or changed (`members`, as they are now) and the global ids of the
 * memberships it ended (`removedMemberIds`, to evict).
 */
export function membershipChangeSuccess(
  name: string,
  description: string,
  fields: { groupId?: string; userIds?: Named; members?: Named; removedMemberIds?: string },
) {
  return successType<MembershipChange>(name, description, (t) => ({
    group: groupAfterChange(t, (success) => success.group),
    ...(fields.groupId ? { groupId: t.string({ description: fields.groupId, resolve: (success) => success.group.groupId }) } : {}),
    ...(fields.userIds ? { [fields.userIds.field]: t.exposeStringList('userIds', { description: fields.userIds.description }) } : {}),
    ...(fields.members ? { [fields.members.field]: t.field({ type: [GroupMember], description: fields.members.description, resolve: (success) => success.members }) } : {}),
    ...(fields.removedMemberIds
      ? {
          removedMemberIds: t.globalIDList({
            description: fields.removedMemberIds,
            resolve: (success) => success.userIds.map((userId) => ({ type: 'GroupMember', id: memberNodeId(success.group.groupId, userId) })),
          }),
        }
      : {}),
  }));
}
