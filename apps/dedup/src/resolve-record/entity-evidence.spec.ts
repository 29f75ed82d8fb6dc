import { PersonLike, recordFactsOf, RecordFacts, scoreRecords } from '@crosscheck/resolution';
import type { Candidate } from '../persistence/entities.repository';
import { bestPerEntity, decideAmong } from './entity-evidence';

const THRESHOLDS = { sameAt: 0.85, reviewAt: 0.7, margin: 0.05 };
const SOCIAL_SECURITY = 3;
const PASSPORT = 1;

interface Person {
  name: string;
  /** Year, month and day; 0 for an unknown month or day. */
  born?: [number, number, number];
  socialSecurity?: string;
  /** A Dutch passport's number. */
  passport?: string;
}

function facts({ name, born, socialSecurity, passport }: Person): RecordFacts {
  const [given, ...family] = name.split(' ');
  const person: PersonLike = {
    names: [{ full: '', given, family: family.join(' '), original: '' }],
    ...(born ? { dateOfBirth: { year: born[0], month: born[1], day: born[2] } } : {}),
    ...(passport ? { documents: [{ type: PASSPORT, number: passport, issuingCountry: 'NLD' }] } : {}),
    ...(socialSecurity
      ? {
          identifiers: [
            { type: SOCIAL_SECURITY, number: socialSecurity, numberNormalized: socialSecurity, country: 'AUS' },
          ],
        }
      : {}),
  };
  return recordFactsOf('person', person);
}

/** The members of entity `E` (or `entityId`), as the candidate query would return them. */
const entity = (...members: Person[]): Candidate[] => entityOf('E', ...members);
const entityOf = (entityId: string, ...members: Person[]): Candidate[] =>
  members.map((member, index) => ({
    recordId: `${entityId}${index}`,
    entityId,
    facts: facts(member),
    sharedKeys: 1,
  }));

function decide(record: Person, members: Candidate[]) {
  const evidence = bestPerEntity(facts(record), members, THRESHOLDS);
  const { same, review } = decideAmong(evidence, THRESHOLDS);
  return { joins: same.map((one) => one.entityId), review: review.map((one) => one.entityId) };
}

const madeleine: Person = { name: 'Madeleine Kingsley', born: [1929, 4, 6], socialSecurity: '4242245' };

describe('decideAmong: whether a record joins an entity whose members it does not all resemble', () => {
  it.each<[string, Person, Candidate[], { joins: string[]; review: string[] }]>([
    ['a complete duplicate joins', madeleine, entity(madeleine), { joins: ['E'], review: [] }],
    [
      'a namesake born another day and month stays apart',
      { name: 'Madeleine Kingsley', born: [1929, 9, 30] },
      entity(madeleine),
      { joins: [], review: [] },
    ],
    [
      'a record matching two members strongly joins, though a third, corrupted in its name, scores low: it shares the birth date and an identifier one digit apart',
      { name: 'Madeleine Kingsly', born: [1929, 4, 6], socialSecurity: '4242245' },
      entity(
        madeleine,
        { name: 'Madeleine Kingsley', born: [1929, 4, 6] },
        { name: 'Madeleine Pengryffyn', born: [1929, 4, 6], socialSecurity: '4242254' },
      ),
      { joins: ['E'], review: [] },
    ],
    [
      'a record whose identifier contradicts a member’s stays apart, though it shares its birth date and matches another member strongly',
      madeleine,
      entity(
        { name: 'Madeleine Kingsley', born: [1929, 4, 6] },
        { name: 'Madeleine Pengryffyn', born: [1929, 4, 6], socialSecurity: '8312947' },
      ),
      { joins: [], review: ['E'] },
    ],
    [
      'a son with his father’s name and another identifier stays apart, though a record of the name alone is in the entity',
      { name: 'Joel Ryan', born: [1992, 3, 1], socialSecurity: '7563426' },
      entity({ name: 'Joel Ryan' }, { name: 'Joel Ryan', born: [1962, 6, 15], socialSecurity: '9499826' }),
      { joins: [], review: ['E'] },
    ],
    [
      'a namesake born years later stays apart when a member without a birth date is all that links them',
      { name: 'John Smith', born: [1990, 5, 5] },
      entity({ name: 'John Smith' }, { name: 'John Smith', born: [1950, 1, 1] }),
      { joins: [], review: ['E'] },
    ],
  ])('%s', (_case, record, members, expected) => {
    // Each case of several members has one the record scores under the review threshold against: what the rule is about.
    const scores = members.map((member) => scoreRecords(facts(record), member.facts)!.score);
    if (members.length > 1) expect(Math.min(...scores)).toBeLessThan(THRESHOLDS.reviewAt);
    expect(decide(record, members)).toEqual(expected);
  });
});

const tobias: Person = { name: 'Tobias Schafer', born: [1978, 9, 5] };

describe('decideAmong: whether a record that joins two entities bridges them into one', () => {
  it.each<[string, Person, Candidate[], { joins: string[]; review: string[] }]>([
    [
      'an original joins both of its duplicates, one with the year off by one, one with the year alone: they do not object to each other',
      tobias,
      [
        ...entityOf('A', { name: 'Tobias Schafer', born: [1977, 9, 5] }),
        ...entityOf('B', { name: 'Tobias Schafer', born: [1978, 0, 0] }),
      ],
      { joins: ['B', 'A'], review: [] },
    ],
    [
      'the same two entities stay apart when the record gives no birth date: it would fit namesakes as well',
      { name: 'Tobias Schafer' },
      [
        ...entityOf('A', { name: 'Tobias Schafer', born: [1977, 9, 5] }),
        ...entityOf('B', { name: 'Tobias Schafer', born: [1978, 0, 0] }),
      ],
      { joins: [], review: ['A', 'B'] },
    ],
    [
      'a record with the birth year alone stays apart from two namesakes born that year on other days',
      { name: 'John Smith', born: [1950, 0, 0] },
      [
        ...entityOf('A', { name: 'John Smith', born: [1950, 3, 1] }),
        ...entityOf('B', { name: 'John Smith', born: [1950, 7, 19] }),
      ],
      { joins: [], review: ['A', 'B'] },
    ],
    [
      'a record stays apart from two namesakes whose passports of one country differ, though their birth dates agree as far as both go',
      { name: 'Fleur Jacobs', born: [1997, 1, 13] },
      [
        ...entityOf('A', { name: 'Fleur Jacobs', born: [1997, 1, 13], passport: 'HQELD92WA' }),
        ...entityOf('B', { name: 'Fleur Jacobs', born: [1997, 0, 0], passport: 'KIBVPVY77' }),
      ],
      { joins: [], review: ['A', 'B'] },
    ],
  ])('%s', (_case, record, candidates, expected) => {
    // Every case is about two entities the record could join, that no member of one resembles a member of the other as much.
    const [a, b] = ['A', 'B'].map((id) => candidates.filter((candidate) => candidate.entityId === id));
    for (const x of a) for (const y of b) expect(scoreRecords(x.facts, y.facts)!.score).toBeLessThan(THRESHOLDS.sameAt);
    for (const member of candidates)
      expect(scoreRecords(facts(record), member.facts)!.score).toBeGreaterThanOrEqual(THRESHOLDS.sameAt);
    expect(decide(record, candidates)).toEqual(expected);
  });
});
