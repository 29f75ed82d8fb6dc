/**
 * An agency's contribution to a reference dataset (a passport reported
 * stolen, a stolen car, a firearm, a work of art) as the API takes it: the
 * agency's own `entryRef`, who may see the entry, and the dataset's body under
 * the loader's name for it (`travelDocument`, `vehicle`, `firearm`,
 * `artwork`). The body obeys exactly the rules of a loader line (and so of a
 * shared record): it is checked and mapped by the loader's own changeOfLine.
 */
import type { ReferenceEntry } from '@crosscheck/contracts';
import { compileSchema, FieldProblem } from '@crosscheck/runtime';
import { Type } from '@sinclair/typebox';
import { type DatasetName, defaultOutsidePolicy } from './datasets';
import { DisseminationInputSchema, disseminationOf, disseminationProblems } from './dissemination.schema';
import { changeOfLine } from './reference-line';

/** The datasets agencies contribute to; notices come only from reviewed requests. */
export const CONTRIBUTED_DATASETS = ['sltd', 'smv', 'firearms', 'works-of-art'] as const;
export type ContributedDataset = (typeof CONTRIBUTED_DATASETS)[number];

export function isContributedDataset(name: string): name is ContributedDataset {
  return (CONTRIBUTED_DATASETS as readonly string[]).includes(name);
}

/** Safe in a URL path as it is: the entry's address is /v1/contributions/{dataset}/{entryRef}. */
export const ENTRY_REF = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
export const ENTRY_REF_RULE = 'must be 1-100 letters, digits, ".", "_", ":" or "-", starting with a letter or digit';

/** An agency's contributed entry is `<agency>:<its own entry reference>` in its dataset. */
export function contributedEntryId(agency: string, entryRef: string): string {
  return `${agency}:${entryRef}`;
}

/** What a contribution carries besides the body: checked here; the body is checked as a loader line. */
const ContributionEnvelopeSchema = Type.Object(
  {
    entryRef: Type.String({ pattern: ENTRY_REF.source, 'x-message': ENTRY_REF_RULE }),
    dissemination: DisseminationInputSchema,
  },
  { additionalProperties: false },
);

const contributionEnvelope = compileSchema(ContributionEnvelopeSchema, (envelope) =>
  disseminationProblems(envelope.dissemination),
);

export type ContributionInput =
  | { valid: true; entryRef: string; entry: ReferenceEntry }
  | { valid: false; entryRef?: string; problems: FieldProblem[] };

/** Reads one contribution; every problem is named by field and rule. */
export function contributionOf(agency: string, dataset: DatasetName, item: unknown): ContributionInput {
  if (item === null || typeof item !== 'object' || Array.isArray(item))
    return { valid: false, problems: [{ field: 'entry', rule: 'isObject', message: 'must be a JSON object' }] };
  const { entryRef, dissemination, ...body } = item as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const loaderField of ['entryId', 'op'])
    if (loaderField in body) {
      problems.push({ field: loaderField, rule: 'unknownField', message: 'is not a field of a contribution' });
      delete body[loaderField];
    }
  const envelope = contributionEnvelope.check({
    ...(entryRef === undefined ? {} : { entryRef }),
    ...(dissemination === undefined ? {} : { dissemination }),
  });
  if (!envelope.ok) problems.push(...envelope.problems);
  const ref = typeof entryRef === 'string' && ENTRY_REF.test(entryRef) ? entryRef : undefined;
  const change = changeOfLine({ entryId: contributedEntryId(agency, ref ?? 'invalid'), ...body }, 1, {
    dataset,
    owner: agency,
    dissemination: envelope.ok
      ? disseminationOf(envelope.value.dissemination, defaultOutsidePolicy(dataset))
      : disseminationOf({ scope: 'owner-only' }, 'hidden'),
  });
  if (change.op === 'rejected') problems.push(...change.problems);
  if (problems.length > 0 || change.op !== 'upsert' || !ref) return { valid: false, entryRef: ref, problems };
  return { valid: true, entryRef: ref, entry: change.entry };
}
