import { PersonLike, recordFactsOf, RecordFacts, scoreRecords } from '@crosscheck/resolution';
import type { Candidate } from '../persistence/entities.repository';
import { bestPerEntity, decideAmong } from './entity-evidence';

const THRESHOLDS = { sameAt: 0.85, reviewAt: 0.7, margin: 0.05 };
const SOCIAL_SECURITY = 3;

interface Person {
  name: string;
  born?: [number, number, number];
  socialSecurity?: string;
}

function facts({ name, born, socialSecurity }: Person): RecordFacts {
  const [given, ...family] = name.split(' ');
  const person: PersonLike = {
    names: [{ full: '', given, family: family.join(' '), original: '' }],
    ...(born ? { dateOfBirth: { year: born[0], month: born[1], day: born[2] } } : {}),
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

/** The members of entity `E`, as the candidate query would return them. */
const entity = (...members: Person[]): Candidate[] =>
  members.map((member, index) => ({ recordId: `r${index}`, entityId: 'E', facts: facts(member), sharedKeys: 1 }));

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
