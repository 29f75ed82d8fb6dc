/**
 * Who may see a piece of reference data an agency puts in (a contributed
 * entry, a notice request), as the API takes it: the shape intake takes for
 * a record's dissemination, plus what agencies outside the audience learn of
 * a hit (the dataset's default when absent).
 */
import { create } from '@bufbuild/protobuf';
import { DisseminationRule, OUTSIDE_POLICIES, OutsidePolicy, disseminationToContract } from '@crosscheck/auth';
import { Dissemination, DisseminationSchema } from '@crosscheck/contracts';
import { AgencyCode, OneOf } from '@crosscheck/records';
import type { FieldProblem } from '@crosscheck/runtime';
import { type StaticDecode, Type } from '@sinclair/typebox';

export const DisseminationInputSchema = Type.Object(
  {
    scope: OneOf(['all', 'agencies', 'owner-only'] as const, { listed: true }),
    agencies: Type.Optional(
      Type.Array(AgencyCode, { minItems: 1, maxItems: 200, description: 'required with scope `agencies`' }),
    ),
    outside: Type.Optional(
      OneOf(OUTSIDE_POLICIES, {
        listed: true,
        description: "what agencies outside the audience learn of a hit on it; the dataset's default when absent",
      }),
    ),
  },
  { additionalProperties: false },
);

export type DisseminationInput = StaticDecode<typeof DisseminationInputSchema>;

/** What the schema cannot say: scope `agencies` names them. `field` is where the dissemination sits. */
export function disseminationProblems(input: DisseminationInput, field = 'dissemination'): FieldProblem[] {
  return input.scope === 'agencies' && input.agencies === undefined
    ? [{ field: `${field}.agencies`, rule: 'isDefined', message: 'is required with scope agencies' }]
    : [];
}

/** The rule, with the outside policy the input names or else the dataset's default. */
export function disseminationRuleOf(input: DisseminationInput, datasetDefault: OutsidePolicy): DisseminationRule {
  const outside = input.outside ?? datasetDefault;
  return input.scope === 'agencies'
    ? { scope: 'agencies', agencies: [...new Set(input.agencies)], outside }
    : { scope: input.scope, outside };
}

export function disseminationOf(input: DisseminationInput, datasetDefault: OutsidePolicy): Dissemination {
  return create(DisseminationSchema, disseminationToContract(disseminationRuleOf(input, datasetDefault)));
}
