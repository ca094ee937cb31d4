import { z } from 'zod';
import { groupIdSchema, idempotencyKeySchema, MAX_GROUP_MEMBERS, userIdSchema } from '../../../groups/rules.js';
import type { SchemaTypes } from '../../builder.js';

/**
 * Mutation inputs declared once: each field is its Pothos declaration (what a client reads in
 * the schema) paired with its zod rule (what the client's value must meet). `withRules` turns
 * the pairs into the input fields and one schema over the whole input, so every problem of a
 * request is reported at once and the schema and the check cannot drift apart.
 */

type InputFields = PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>;

export interface Ruled<Field> {
  field: Field;
  rule: z.ZodType;
}

export function ruled<Field>(field: Field, rule: z.ZodType): Ruled<Field> {
  return { field, rule };
}

/** The input fields of a mutation, and the schema its whole input is validated with. */
export function withRules<Fields extends Record<string, Ruled<unknown>>>(fields: Fields) {
  const input = Object.fromEntries(Object.entries(fields).map(([name, { field }]) => [name, field])) as { [K in keyof Fields]: Fields[K]['field'] };
  const shape = Object.fromEntries(Object.entries(fields).map(([name, { rule }]) => [name, rule]));
  return { input, validate: z.looseObject(shape) };
}

export function groupIdField(input: InputFields, description = 'The group.') {
  return ruled(input.string({ required: true, description }), groupIdSchema);
}

export function userIdField(input: InputFields, description: string) {
  return ruled(input.string({ required: true, description }), userIdSchema);
}

export function userIdsField(input: InputFields, description: string) {
  return ruled(
    input.stringList({ required: true, description: `${description} 1 to ${MAX_GROUP_MEMBERS} user ids; duplicates count once.` }),
    z.array(userIdSchema).min(1, 'Name at least one user').max(MAX_GROUP_MEMBERS, `Name at most ${MAX_GROUP_MEMBERS} users`),
  );
}

/** `notify` and `idempotencyKey`: every mutation that may publish a notice takes both. */
export function changeFields(input: InputFields) {
  return { notify: notifyField(input), idempotencyKey: idempotencyKeyField(input) };
}

export function notifyField(input: InputFields) {
  return ruled(
    input.boolean({
      required: false,
      defaultValue: true,
      description:
        'Publish an `RC:GrpNtf` group notification about this change (default true). A notification never fails, withdraws or undoes ' +
        'a change that has group calls; a change that is only a notification (a transfer) is refused when its notification cannot be sent in time.',
    }),
    z.boolean().nullish(),
  );
}

export function idempotencyKeyField(input: InputFields) {
  return ruled(
    input.string({
      required: false,
      description:
        'A key of your choosing (1 to 128 printable characters), new for each change you mean to make. Sending the same request ' +
        'again with it answers the first result instead of acting twice (and without a second notification); the same key with ' +
        'another input answers `IdempotencyKeyReusedError`. Remembered, per caller, for at least 24 hours.',
    }),
    idempotencyKeySchema.nullish(),
  );
}
