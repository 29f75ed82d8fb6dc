/**
 * One reference entry as the project's files write it, per dataset: an
 * `entryId` and the dataset's body. The bodies are the record body schemas of
 * @crosscheck/records, the ones intake checks shared records with, so a
 * reference entry obeys exactly the rules a shared record does (countries,
 * partial dates, VINs, MRZ check digits, length caps). Only what records have
 * no notion of (entry ids, notice colour, reference and charges) is here.
 */
import { OUTSIDE_POLICIES } from '@crosscheck/auth';
import {
  ArtworkBodySchema,
  bodyProblems,
  FirearmBodySchema,
  OneOf,
  PersonBodySchema,
  type RecordKindName,
  TravelDocumentBodySchema,
  VehicleBodySchema,
} from '@crosscheck/records';
import { compileSchema, type CompiledSchema } from '@crosscheck/runtime';
import { type StaticDecode, type TObject, type TSchema, Type } from '@sinclair/typebox';
import type { DatasetName } from './reference-change';

export const NOTICE_COLOURS = ['red', 'yellow', 'blue', 'black', 'green', 'orange', 'purple', 'silver', 'un'] as const;
export type NoticeColourName = (typeof NOTICE_COLOURS)[number];

/** Not blank, at most 128 characters: the loader's key for the entry within its dataset. */
export const ENTRY_ID = /^(?=[\s\S]*\S)[\s\S]{1,128}$/;
export const ENTRY_ID_RULE = 'must be a non-empty string of at most 128 characters';

/** The body of a dataset's line, required there. */
function RequiredIn<T extends TSchema>(dataset: DatasetName, body: T): T {
  const { $id: _, ...schema } = body;
  return { ...schema, 'x-required': `is required in dataset ${dataset}` } as unknown as T;
}

function lineOf<P extends Record<string, TSchema>>(properties: P) {
  return Type.Object(
    {
      entryId: Type.String({ pattern: ENTRY_ID.source, 'x-message': ENTRY_ID_RULE }),
      /** This entry's own choice of what agencies outside its audience learn of hits; the load's when absent. */
      outside: Type.Optional(OneOf(OUTSIDE_POLICIES, { listed: true })),
      ...properties,
    },
    { additionalProperties: false },
  );
}

export const NoticeLineSchema = lineOf({
  colour: OneOf(NOTICE_COLOURS, { listed: true }),
  /** The issuer's reference, e.g. `A-1234/5-2024`. */
  noticeRef: Type.Optional(Type.String({ maxLength: 64 })),
  charges: Type.Optional(Type.String({ maxLength: 2000 })),
  subject: RequiredIn('notices', PersonBodySchema),
});
export type NoticeLine = StaticDecode<typeof NoticeLineSchema>;

const LINE_SCHEMAS = {
  notices: NoticeLineSchema,
  sltd: lineOf({ travelDocument: RequiredIn('sltd', TravelDocumentBodySchema) }),
  smv: lineOf({ vehicle: RequiredIn('smv', VehicleBodySchema) }),
  firearms: lineOf({ firearm: RequiredIn('firearms', FirearmBodySchema) }),
  'works-of-art': lineOf({ artwork: RequiredIn('works-of-art', ArtworkBodySchema) }),
} satisfies Record<DatasetName, TObject>;

export type ReferenceLine = StaticDecode<(typeof LINE_SCHEMAS)[DatasetName]>;

/** Each dataset's line schema, checked; the field that holds its body; and the record kind that body is. */
function shapeOf(dataset: DatasetName, body: string, kind: RecordKindName) {
  const schema: TObject = LINE_SCHEMAS[dataset];
  const line: CompiledSchema<TObject> = compileSchema(schema, (value) =>
    bodyProblems(kind, (value as Record<string, object>)[body], body),
  );
  return { line, body, kind };
}

export const LINE_SHAPES = {
  notices: shapeOf('notices', 'subject', 'person'),
  sltd: shapeOf('sltd', 'travelDocument', 'travel_document'),
  smv: shapeOf('smv', 'vehicle', 'vehicle'),
  firearms: shapeOf('firearms', 'firearm', 'firearm'),
  'works-of-art': shapeOf('works-of-art', 'artwork', 'artwork'),
} as const satisfies Record<DatasetName, { body: string; kind: RecordKindName }>;
