import { IdentityDocumentLike } from './identity-document';
import { PersonFacts, personBlockingKey, personFactsOf, PersonLike, PersonNameLike, scorePersons } from './person';

type Dob = [number, number?, number?];
const name = (full: string, more: Partial<PersonNameLike> = {}): PersonNameLike => ({
  full,
  given: '',
  family: '',
  original: '',
  ...more,
});
const person = (full: string, dob?: Dob, more: Partial<PersonLike> = {}): PersonLike => ({
  names: [name(full)],
  dateOfBirth: dob ? { year: dob[0], month: dob[1] ?? 0, day: dob[2] ?? 0 } : undefined,
  ...more,
});
const passport = (number: string, issuingCountry = 'UKR'): IdentityDocumentLike => ({
  number,
  type: 1,
  issuingCountry,
});
const MALE = 1;
const FEMALE = 2;
const score = (a: PersonLike, b: PersonLike) => scorePersons(personFactsOf(a), personFactsOf(b));

describe('scorePersons: corrupted duplicates of one person score 0.85 or more', () => {
  const original = person('Ivan Petrov', [1971, 3, 14], { sex: MALE, nationalities: ['RUS'] });
  it.each<[string, PersonLike, PersonLike]>([
    [
      'a typo in the family name',
      original,
      person('Ivan Petorv', [1971, 3, 14], { sex: MALE, nationalities: ['RUS'] }),
    ],
    ['given and family name swapped', original, person('PETROV Ivan', [1971, 3, 14])],
    [
      'the name in Cyrillic only',
      original,
      {
        names: [name('', { original: 'Иван Петров', script: 'Cyrl' })],
        dateOfBirth: { year: 1971, month: 3, day: 14 },
      },
    ],
    [
      'given and family fields instead of a full name',
      original,
      { names: [name('', { given: 'Ivan', family: 'Petrov' })], dateOfBirth: { year: 1971, month: 3, day: 14 } },
    ],
    ['the year of birth only', original, person('Ivan Petrov', [1971])],
    ['no date of birth', original, person('Ivan Petrov')],
    ['day and month swapped', original, person('Ivan Petrov', [1971, 14, 3])],
    [
      'a missing patronymic and a typo',
      person('Ivan Sergeyevich Petrov', [1971, 3, 14]),
      person('Ivan Petrof', [1971, 3, 14]),
    ],
    [
      'Mohammed / Muhammad and the year only',
      person('Mohammed Ali Hassan', [1980, 5, 2], { sex: MALE }),
      person('Muhammad Ali Hasan', [1980]),
    ],
    ['Aleksandr / Alexander, no date', person('Aleksandr Ivanov', [1971, 3, 14]), person('Alexander Ivanov')],
    [
      'Ukrainian and Russian spellings of one family name',
      person('Олександр Іванов', [1985, 6, 1]),
      person('Aleksandr Ivanov', [1985, 6, 1]),
    ],
    ['Yusuf / Youssef', person('Yusuf Khan', [1990, 1, 20]), person('Youssef Khan', [1990, 1, 20])],
    [
      'Sergei / Sergey, year off by one',
      person('Sergei Smirnov', [1975, 8, 9]),
      person('Sergey Smirnov', [1976, 8, 9]),
    ],
    ['a Chinese name in Han and in pinyin', person('Wang Xiaoming', [1988, 2, 2]), person('王小明', [1988, 2, 2])],
    [
      'a document number with separators, and little else',
      person('Anna Kowalska', undefined, { documents: [passport('FA 123-456', 'POL')] }),
      person('Anna Kowalski', [1979], { documents: [passport('FA123456', 'POL')] }),
    ],
    [
      'a document number misread by OCR',
      person('Olena Shevchenko', [1990, 4, 4], { documents: [passport('FA0123456')] }),
      person('Olena Shevchenko', undefined, { documents: [passport('FAO123456')] }),
    ],
    [
      'an alias',
      {
        names: [name('Ivan Petrov'), name('Vanya Sidorov', { alias: true })],
        dateOfBirth: { year: 1971, month: 3, day: 14 },
      },
      person('Vanya Sidorov', [1971, 3, 14]),
    ],
  ])('%s', (_, a, b) => {
    expect(score(a, b).score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('scorePersons: different people score under 0.75', () => {
  const egyptian = (dob: Dob) => person('Mohammed Ali', dob, { sex: MALE, nationalities: ['EGY'] });
  it.each<[string, PersonLike, PersonLike, number]>([
    ['namesakes born eleven years apart', egyptian([1980, 5, 2]), egyptian([1991, 7, 9]), 0.75],
    ['namesakes born the same year, another month and day', egyptian([1980, 5, 2]), egyptian([1980, 11, 23]), 0.75],
    ['namesakes born the same year and month, another day', egyptian([1980, 5, 2]), egyptian([1980, 5, 23]), 0.75],
    ['namesakes born the same year and day, another month', egyptian([1980, 5, 2]), egyptian([1980, 9, 2]), 0.75],
    ['namesakes with only years, years apart', person('Ivan Petrov', [1971]), person('Ivan Petrov', [1975]), 0.75],
    ['brothers', person('Ivan Petrov', [1971, 3, 14]), person('Sergei Petrov', [1973, 6, 1]), 0.5],
    [
      'twins',
      person('Ivan Petrov', [1971, 3, 14], { sex: MALE }),
      person('Pavel Petrov', [1971, 3, 14], { sex: MALE }),
      0.75,
    ],
    [
      'another family name, same birthday',
      person('Ivan Petrov', [1971, 3, 14], { sex: MALE }),
      person('Ivan Sidorov', [1971, 3, 14], { sex: MALE }),
      0.75,
    ],
    ['nothing in common', person('Ivan Petrov', [1971, 3, 14]), person('Maria Gonzalez', [1990, 1, 1]), 0.2],
  ])('%s (< %d)', (_, a, b, below) => {
    expect(score(a, b).score).toBeLessThan(below);
  });

  it('a conflicting full date of birth keeps two Mohammed Ali well under the hit threshold', () => {
    expect(score(egyptian([1980, 5, 2]), egyptian([1991, 7, 9])).score).toBeLessThan(0.85);
  });
});

describe('scorePersons: weighing the other features', () => {
  const base = (more: Partial<PersonLike>) => person('Alex Morgan', [1990, 1, 1], more);

  it('counts a sex conflict against', () => {
    expect(score(base({ sex: MALE }), base({ sex: FEMALE })).score).toBeLessThan(
      score(base({}), base({})).score - 0.15,
    );
  });

  it('counts a shared nationality mildly for', () => {
    const shared = score(person('Alex Morgan', [1990]), person('Alex Morgan', [1990], { nationalities: ['GBR'] }));
    const both = score(
      person('Alex Morgan', [1990], { nationalities: ['GBR', 'IRL'] }),
      person('Alex Morgan', [1990], { nationalities: ['irl'] }),
    );
    expect(shared.features.map((f) => f.feature)).not.toContain('nationality');
    expect(both.features.find((f) => f.feature === 'nationality')).toMatchObject({ score: 1, detail: 'both IRL' });
  });

  it('takes a shared identity document as very strong evidence, even against another spelling and no date', () => {
    const result = score(
      person('Aleksei Navalny', undefined, { documents: [passport('AB1234567', 'RUS')] }),
      person('A. Nawalny', [1976, 6, 4], { documents: [passport('ab 123 4567', 'RUS')] }),
    );
    expect(result.score).toBeGreaterThanOrEqual(0.85);
    expect(result.features.find((f) => f.feature === 'identity_document')).toMatchObject({
      score: 1,
      detail: 'same number: RUS passport AB1234567 vs RUS passport AB1234567',
    });
  });

  it('does not take the same number from another issuing country as a shared document', () => {
    const result = score(
      person('Ivan Petrov', undefined, { documents: [passport('AB1234567', 'RUS')] }),
      person('Ivan Sidorov', undefined, { documents: [passport('AB1234567', 'UKR')] }),
    );
    expect(result.score).toBeLessThan(0.75);
  });

  it('counts a place of birth that agrees, and ignores one that does not (free text)', () => {
    const agrees = score(
      person('Ivan Petrov', [1971], { placeOfBirth: 'Kyiv' }),
      person('Ivan Petrov', [1971], { placeOfBirth: 'KYIV' }),
    );
    const differs = score(
      person('Ivan Petrov', [1971], { placeOfBirth: 'Kyiv' }),
      person('Ivan Petrov', [1971], { placeOfBirth: 'Odesa' }),
    );
    expect(agrees.features.map((f) => f.feature)).toContain('place_of_birth');
    expect(differs.features.map((f) => f.feature)).not.toContain('place_of_birth');
  });

  it('explains every feature for an analyst', () => {
    const result = scorePersons(
      personFactsOf({
        names: [name('', { given: 'Ivan', family: 'Ivanov' })],
        dateOfBirth: { year: 1971, month: 3, day: 4 },
        sex: MALE,
      }),
      personFactsOf({
        names: [name('', { given: 'Ivan', family: 'Ivanoff' })],
        dateOfBirth: { year: 1971, month: 4, day: 3 },
        sex: MALE,
      }),
    );
    expect(result.features).toEqual([
      {
        feature: 'name',
        score: expect.any(Number),
        weight: 0.6,
        detail: expect.stringContaining('family name: Ivanov ≈ Ivanoff (JW 0.91)'),
      },
      {
        feature: 'date_of_birth',
        score: 0.85,
        weight: 0.45,
        detail: 'day and month swapped: 1971-03-04 vs 1971-04-03',
      },
      { feature: 'sex', score: 1, weight: 0.05, detail: 'both male' },
    ]);
    expect(result.score).toBeGreaterThanOrEqual(0.85);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('scores 0 with nothing to compare', () => {
    expect(scorePersons({ names: [] }, { names: [] })).toEqual({ score: 0, features: [] });
  });
});

describe('personFactsOf', () => {
  it('keeps facts that survive JSON (they are stored in a jsonb column) and score the same after', () => {
    const a = personFactsOf(
      person('Ivan Petrov', [1971, 3, 14], {
        sex: MALE,
        nationalities: ['rus'],
        documents: [passport('ab-123 456', 'rus')],
      }),
    );
    const b = personFactsOf(person('Petrov Ivan', [1971]));
    const stored = JSON.parse(JSON.stringify(a)) as PersonFacts;
    expect(stored).toEqual(a);
    expect(scorePersons(stored, b)).toEqual(scorePersons(a, b));
  });

  it('normalises what it keeps', () => {
    const facts = personFactsOf({
      names: [name('Ivan Petrov', { original: 'Иван Петров', script: 'Cyrl' })],
      dateOfBirth: { year: 1971, month: 0, day: 0 },
      sex: 3,
      nationalities: [' rus ', 'RUS'],
      placeOfBirth: 'Санкт-Петербург',
      documents: [passport('ab-123 456', 'rus'), { number: '', type: 2, issuingCountry: 'RUS' }],
    });
    expect(facts).toMatchObject({
      names: ['Ivan Petrov', 'Иван Петров'],
      dateOfBirth: { year: 1971, month: 0, day: 0 },
      nationalities: ['RUS'],
      placeOfBirth: 'sankt peterburg',
      documents: [{ number: 'AB123456', folded: 'A8123456', type: 'passport', country: 'RUS' }],
    });
    expect(facts.sex).toBeUndefined();
    // The Cyrillic original romanised by rule is the Latin name: one form for both; its learned spelling is kept beside it.
    expect(
      facts.nameForms?.map((form) => [
        form.route ?? 'as written or by rule',
        form.parts.map((part) => part.text).join(' '),
      ]),
    ).toEqual([
      ['as written or by rule', 'ivan petrov'],
      ['learned', 'iwan petrov'],
    ]);
  });

  it('still scores facts stored before name forms were kept (names only)', () => {
    const legacy: PersonFacts = { names: ['Иван Петров'], dateOfBirth: { year: 1971, month: 3, day: 14 } };
    expect(scorePersons(legacy, personFactsOf(person('Ivan Petrov', [1971, 3, 14]))).score).toBe(1);
  });
});

describe('personBlockingKey (deprecated single key)', () => {
  it('gives the same key with or without the name in its original script, whatever the order and accents', () => {
    expect(personBlockingKey(personFactsOf(person('Ivan Petrov', [1971, 3, 14])))).toBe(
      personBlockingKey({ names: ['Petrov Иван'], dateOfBirth: { year: 1971, month: 0, day: 0 } }),
    );
    expect(personBlockingKey(personFactsOf(person('José Martínez', [1980])))).toBe(
      personBlockingKey(personFactsOf(person('MARTINEZ, Jose', [1980, 5, 1]))),
    );
  });
});

describe('scorePersons with a floor: names compared only when the pair can still reach it', () => {
  it.each<[string, PersonLike, PersonLike, number, boolean]>([
    [
      'full birth dates years apart, at the review threshold',
      person('Ivan Petrov', [1971, 3, 14]),
      person('Ivan Petrov', [1980, 3, 14]),
      0.7,
      true,
    ],
    [
      'the same year, another month and day',
      person('Ivan Petrov', [1971, 3, 14]),
      person('Ivan Petrov', [1971, 7, 2]),
      0.7,
      true,
    ],
    ['the same full date', person('Ivan Petrov', [1971, 3, 14]), person('Iwan Petrow', [1971, 3, 14]), 0.7, false],
    ['no birth date on one side', person('Ivan Petrov', [1971, 3, 14]), person('Ivan Petrov'), 0.7, false],
    [
      'years apart at a floor they can still reach',
      person('Ivan Petrov', [1971, 3, 14]),
      person('Ivan Petrov', [1980, 3, 14]),
      0.5,
      false,
    ],
    [
      'years apart, but one passport',
      person('Ivan Petrov', [1971, 3, 14], { documents: [passport('FA1234567')] }),
      person('Ivan Petrov', [1980, 3, 14], { documents: [passport('FA1234567')] }),
      0.7,
      false,
    ],
  ])('%s', (_, a, b, floor, capped) => {
    const full = score(a, b);
    const floored = scorePersons(personFactsOf(a), personFactsOf(b), undefined, floor);
    expect(floored.capped === true).toBe(capped);
    if (capped) {
      expect(full.score).toBeLessThan(floor);
      expect(floored.score).toBeLessThan(floor);
      expect(floored.features.map((one) => one.feature)).not.toContain('name');
    } else expect(floored).toEqual(full);
  });

  // Every pair of a seeded grid of persons: a floor changes nothing a caller acts on.
  it('caps only pairs whose full score is under the floor, at no less than that score, with the same other features', () => {
    const names = ['Ivan Petrov', 'PETROV Ivan', 'Iwan Petrow', 'Иван Петров', 'Maria Petrova', 'John Smith', '王小明'];
    const dates: (Dob | undefined)[] = [
      [1971, 3, 14],
      [1971, 3, 15],
      [1972, 3, 14],
      [1971, 2, 3],
      [1985, 1, 2],
      [1971],
      [1971, 3],
      undefined,
    ];
    const grid: PersonLike[] = [];
    for (const [i, full] of names.entries())
      for (const [j, dob] of dates.entries())
        grid.push(
          person(full, dob, {
            sex: (i + j) % 3 === 0 ? undefined : ((i + j) % 2) + 1,
            nationalities: j % 2 === 0 ? ['RUS'] : ['UKR'],
            documents: (i * j) % 5 === 1 ? [passport('FA1234567')] : [],
          }),
        );
    const facts = grid.map(personFactsOf);
    let cappedPairs = 0;
    for (const floor of [0.5, 0.7, 0.85])
      for (const a of facts)
        for (const b of facts) {
          const full = scorePersons(a, b);
          const floored = scorePersons(a, b, undefined, floor);
          if (!floored.capped) {
            expect(floored).toEqual(full);
            continue;
          }
          cappedPairs++;
          expect(full.score).toBeLessThan(floor);
          expect(floored.score).toBeGreaterThanOrEqual(full.score);
          expect(floored.features).toEqual(full.features.filter((one) => one.feature !== 'name'));
        }
    expect(cappedPairs).toBeGreaterThan(facts.length * facts.length * 0.2);
  });
});
