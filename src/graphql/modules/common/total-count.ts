import type { Page } from '../../../groups/reader.js';
import type { SchemaTypes } from '../../builder.js';

/**
 * `totalCount` on a connection: the reader's page counts the whole list only when a client asks
 * for this field (each list says what counting costs).
 */
export function totalCountField(t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, object>, description: string) {
  return t.int({ description, resolve: (page) => (page as unknown as Page<unknown>).totalCount() });
}
