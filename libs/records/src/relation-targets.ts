/**
 * Which kind of record a declared relation may point at, by the declaring
 * record's kind and the relation's role: a person is a member or leader of an
 * organisation, an associate of a person or an organisation, family of a
 * person, and used, owned or carried a vehicle, a travel document or a
 * firearm; an organisation is an associate or affiliate of another
 * organisation. The schema already limits the roles each kind may declare;
 * this says what each role may reach. Intake checks it when the request comes
 * in and the target is a record it holds (or one of the same batch); dedup
 * checks it again once both records are resolved, for a target shared later,
 * and keeps no edge for a relation that does not fit.
 */
import type { FieldProblem } from '@crosscheck/runtime';
import type { RecordKindName } from './record-body.schema';

type RelationTargets = Partial<Record<RecordKindName, Record<string, readonly RecordKindName[]>>>;

const OBJECTS = ['vehicle', 'travel_document', 'firearm'] as const;

export const RELATION_TARGET_KINDS: RelationTargets = {
  person: {
    associate: ['person', 'organisation'],
    family: ['person'],
    member: ['organisation'],
    leader: ['organisation'],
    used: OBJECTS,
    owned: OBJECTS,
    carried: OBJECTS,
  },
  organisation: {
    associate: ['organisation'],
    affiliate: ['organisation'],
  },
};

/** Every (declaring kind, role, target kind) that fits, for a reader that checks in bulk (dedup's SQL). */
export const FITTING_RELATIONS: { declaring: RecordKindName; role: string; target: RecordKindName }[] = Object.entries(
  RELATION_TARGET_KINDS,
).flatMap(([declaring, roles]) =>
  Object.entries(roles ?? {}).flatMap(([role, targets]) =>
    targets.map((target) => ({ declaring: declaring as RecordKindName, role, target })),
  ),
);

/**
 * Why a `declaring` record's relation `role` may not point at a record of kind `target`, in words
 * (`a person’s relation member must be to an organisation, not a vehicle`); undefined when it fits.
 */
export function relationMisfit(declaring: string, role: string, target: string): string | undefined {
  if (relationFits(declaring, role, target)) return undefined;
  return `${kindWords(declaring)}’s relation ${role} must be to ${allowedWords(declaring, role)}, not ${kindWords(target)}`;
}

export function relationFits(declaring: string, role: string, target: string): boolean {
  return RELATION_TARGET_KINDS[declaring as RecordKindName]?.[role]?.includes(target as RecordKindName) ?? false;
}

/** `a vehicle, a travel document or a firearm`. */
function allowedWords(declaring: string, role: string): string {
  const kinds = (RELATION_TARGET_KINDS[declaring as RecordKindName]?.[role] ?? []).map(kindWords);
  return kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}` : (kinds[0] ?? 'no record');
}

function kindWords(kind: string): string {
  const words = kind.replace('_', ' ');
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}

/** A body that may declare relations: `to` an externalRef of the same agency, in a `role`. */
interface Declaring {
  relations?: readonly { to: string; role: string }[];
}

/**
 * The relations of a `kind` record's body (at `field`: `person`, `organisation`) whose role does not fit the
 * kind of the record they point at, each named by its path (`person.relations[1].role`, rule `fitsTarget`).
 * `targetKindOf` gives the kind of a target known now; a target not known yet is not judged here.
 */
export function relationProblems(
  kind: string,
  body: Declaring | undefined,
  field: string,
  targetKindOf: (externalRef: string) => string | undefined,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  (body?.relations ?? []).forEach((relation, index) => {
    const target = targetKindOf(relation.to);
    if (target !== undefined && !relationFits(kind, relation.role, target))
      problems.push({
        field: `${field}.relations[${index}].role`,
        rule: 'fitsTarget',
        message: `must be to ${allowedWords(kind, relation.role)} for ${kindWords(kind)}’s relation ${relation.role}; ${relation.to} is ${kindWords(target!)}`,
      });
  });
  return problems;
}
