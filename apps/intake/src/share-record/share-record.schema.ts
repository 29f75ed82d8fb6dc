/**
 * What an agency sends to share a record: its content (model/record-content.schema)
 * and the agency's own reference for it.
 */
import { compileSchema } from '@crosscheck/runtime';
import { type StaticDecode, Type } from '@sinclair/typebox';
import { contentProblems, RECORD_CONTENT_PROPERTIES } from '../model/record-content.schema';

export const ShareRecordSchema = Type.Object(
  {
    externalRef: Type.String({
      minLength: 1,
      maxLength: 128,
      pattern: '^[\\x21-\\x7e]+$',
      'x-message': 'must be printable ASCII without spaces',
      examples: ['FR-2026-0001'],
      description: "the agency's own reference, unique per agency; re-sharing it is safe",
    }),
    ...RECORD_CONTENT_PROPERTIES,
  },
  { $id: 'ShareRecord', additionalProperties: false },
);

export type ShareRecordInput = StaticDecode<typeof ShareRecordSchema>;

export const shareRecordInput = compileSchema(ShareRecordSchema, contentProblems);
