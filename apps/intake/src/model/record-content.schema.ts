/**
 * A record's content as an agency sends it, to share (POST) or update (PUT):
 * the record body of its kind (libs/records) and what intake adds
 * (dissemination, purpose, dates, case reference). Unknown fields are refused.
 */
import { OUTSIDE_POLICIES } from '@crosscheck/auth';
import { AgencyCode, OneOf, OperationCode, RECORD_BODY_PROPERTIES, recordBodyProblems } from '@crosscheck/records';
import { compileSchema, defineFormat, FieldProblem } from '@crosscheck/runtime';
import { type StaticDecode, Type } from '@sinclair/typebox';

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?))?$/;

defineFormat('iso-8601', {
  rule: 'isIso8601',
  check: (value) => {
    const match = ISO_8601.exec(value);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(Date.parse(value));
  },
  message: () => 'must be a valid ISO 8601 date string',
});

export const DISSEMINATION_SCOPES = ['all', 'agencies', 'owner-only'] as const;
export type DisseminationScopeName = (typeof DISSEMINATION_SCOPES)[number];

export const DisseminationSchema = Type.Object(
  {
    scope: OneOf(DISSEMINATION_SCOPES),
    agencies: Type.Optional(
      Type.Array(AgencyCode, { minItems: 1, maxItems: 200, description: 'required with scope `agencies`' }),
    ),
    outside: Type.Optional(
      OneOf(OUTSIDE_POLICIES, {
        listed: true,
        description: 'what an agency outside the audience learns when its data hits this record; default hidden',
      }),
    ),
  },
  { $id: 'Dissemination', additionalProperties: false },
);

const IsoDate = (description: string) =>
  Type.String({ format: 'iso-8601', examples: ['2026-05-01T12:00:00Z'], description });

/** Everything about a record but its externalRef: what an update (PUT) carries. */
export const RECORD_CONTENT_PROPERTIES = {
  ...RECORD_BODY_PROPERTIES,
  dissemination: DisseminationSchema,
  purpose: Type.String({ minLength: 1, maxLength: 64 }),
  reportedAt: Type.Optional(IsoDate('when the agency learnt of it; default now')),
  expiresAt: Type.Optional(IsoDate('when it stops being shared; default and at most the retention period')),
  caseRef: Type.Optional(Type.String({ maxLength: 128 })),
  /** The coordinated operation it is shared for; only its participants may name it, within its period. */
  operation: Type.Optional(OperationCode),
};

export const RecordContentSchema = Type.Object(RECORD_CONTENT_PROPERTIES, {
  $id: 'RecordContent',
  additionalProperties: false,
});

export type RecordContent = StaticDecode<typeof RecordContentSchema>;

/** The rules of a record's content that its schema cannot say. */
export function contentProblems(content: RecordContent): FieldProblem[] {
  const problems = recordBodyProblems(content);
  if (content.dissemination.scope === 'agencies' && content.dissemination.agencies === undefined)
    problems.push({ field: 'dissemination.agencies', rule: 'isDefined', message: 'is required with scope agencies' });
  return problems;
}

/** What an update (PUT) carries, checked. */
export const recordContentInput = compileSchema(RecordContentSchema, contentProblems);
