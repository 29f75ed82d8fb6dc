/**
 * Person queries made of notices. True variants are the subject written as
 * another agency would (the person generator's corruptions, one at a time:
 * another transliteration, a typo, given and family swapped, a partial or
 * missing date of birth; or the other script, or an alias). Hard negatives are
 * other persons: a homonym (same name and birth year, another day) and a
 * namesake by family name born years apart.
 */
import { applicableCorruptions, applyCorruptions, Corruption } from '../generator/corruptions';
import { cloneFacts, drawDateOfBirth, drawHomonym, NamePart, PersonFacts } from '../generator/person-facts';
import { personJson } from '../generator/person-record';
import { Prng } from '../generator/prng';
import { CaseMaker, MadeQuery, personQuery } from './case-maker';
import { DrawnNotice, nameKey, nameKeyOf } from './notices';

export const NOTICE_MATCHES = [
  'exact',
  'transliteration',
  'typo',
  'swapped_order',
  'middle_name_dropped',
  'dob_partial',
  'dob_missing',
  'other_script',
  'alias',
] as const;
export const NOTICE_HARD_NEGATIVES = ['homonym', 'same_surname_other_year'] as const;
export type NoticeVariant = (typeof NOTICE_MATCHES)[number] | (typeof NOTICE_HARD_NEGATIVES)[number];

/** Variants that are exactly one of the person generator's corruptions. */
const CORRUPTION_OF: Partial<Record<NoticeVariant, Corruption>> = {
  transliteration: 'transliteration',
  typo: 'typo',
  swapped_order: 'swapped_order',
  middle_name_dropped: 'middle_name_dropped',
  dob_partial: 'dob_partial',
  dob_missing: 'dob_missing',
};

/** Names any notice is known by, primary or alias; a query's name must not be another notice's. */
export class NoticeNames {
  private readonly counts = new Map<string, number>();

  constructor(notices: readonly DrawnNotice[]) {
    for (const notice of notices) {
      for (const key of [nameKeyOf(notice.facts), ...notice.aliases.map((alias) => alias.key)])
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

export function noticeCases(notices: readonly DrawnNotice[], names: NoticeNames): CaseMaker<NoticeVariant> {
  // Queries are made only of notices whose every name is theirs alone, so a true variant has one answer.
  const targets = notices.filter((notice) =>
    [nameKeyOf(notice.facts), ...notice.aliases.map((alias) => alias.key)].every((key) => names.count(key) === 1),
  );
  return {
    dataset: 'notices',
    matches: NOTICE_MATCHES,
    hardNegatives: NOTICE_HARD_NEGATIVES,
    targetCount: targets.length,
    entryIdOf: (target) => targets[target].entry.entryId,
    make: (variant, rng, target) => makeNoticeQuery(variant, rng, targets[target], names),
  };
}

function makeNoticeQuery(
  variant: NoticeVariant,
  rng: Prng,
  notice: DrawnNotice,
  names: NoticeNames,
): MadeQuery | undefined {
  const { facts } = notice;
  const corruption = CORRUPTION_OF[variant];
  if (corruption) {
    if (!applicableCorruptions(facts).includes(corruption)) return undefined;
    const copy = cloneFacts(facts);
    applyCorruptions(rng, copy, [corruption]);
    return differs(copy, facts) ? personQuery(copy) : undefined;
  }
  switch (variant) {
    case 'exact':
      return personQuery(facts);
    case 'other_script': {
      if (facts.culture.script === 'Latn') return undefined;
      const copy = cloneFacts(facts);
      // Latin only becomes the culture's script only; either alone, or both, becomes the other alone.
      copy.name.form = facts.name.form === 'native' ? 'latin' : 'native';
      return personQuery(copy);
    }
    case 'alias': {
      if (notice.aliases.length === 0) return undefined;
      const { dateOfBirth, sex, nationalities } = notice.entry.subject;
      const person = {
        names: [rng.pick(notice.aliases).name],
        ...(dateOfBirth ? { dateOfBirth } : {}),
        sex,
        nationalities,
      };
      return { body: { kind: 'person', person }, script: 'Latn' };
    }
    case 'homonym':
      return fullDateOfBirth(facts) ? personQuery(drawHomonym(rng, facts)) : undefined;
    case 'same_surname_other_year':
      return sameSurnameOtherYear(rng, facts, names);
    default:
      return undefined;
  }
}

/**
 * Another person of the family: the same family name written the same way,
 * another given name, no middle name, born 3 to 15 years before or after.
 */
function sameSurnameOtherYear(rng: Prng, facts: PersonFacts, names: NoticeNames): MadeQuery | undefined {
  if (!facts.dateOfBirth) return undefined;
  const givenNames = (facts.sex === 'male' ? facts.culture.male : facts.culture.female).filter(
    (entry) => entry.native !== facts.name.given.entry.native,
  );
  const entry = rng.pick(givenNames);
  const copy = cloneFacts(facts);
  const index = Math.max(0, facts.name.given.entry.latin.indexOf(facts.name.given.latin));
  const given: NamePart = { entry, latin: entry.latin[Math.min(index, entry.latin.length - 1)], native: entry.native };
  copy.name = { ...copy.name, given, middle: undefined };
  const year = Number(facts.dateOfBirth.slice(0, 4)) + (rng.chance(0.5) ? 1 : -1) * rng.int(3, 15);
  copy.dateOfBirth = drawDateOfBirth(rng, year);
  copy.documents = [];
  if (
    names.count(
      nameKey(
        copy.culture,
        entry,
        copy.name.family.map((part) => part.entry),
      ),
    ) > 0
  )
    return undefined;
  return personQuery(copy);
}

function fullDateOfBirth(facts: PersonFacts): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(facts.dateOfBirth ?? '');
}

function differs(copy: PersonFacts, original: PersonFacts): boolean {
  const withoutDocuments = (facts: PersonFacts) => JSON.stringify({ ...personJson(facts), documents: undefined });
  return withoutDocuments(copy) !== withoutDocuments(original);
}
