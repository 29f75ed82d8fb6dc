import { countriesWithDocumentShapes } from '../identity-documents';
import { CULTURES, CultureId, NameEntry, nameTable, ScriptCode } from './index';

const WRITTEN_IN: Record<ScriptCode, RegExp> = {
  Latn: /^[\p{Script=Latin}]+(?:[ '-]?[\p{Script=Latin}]+)*$/u,
  Cyrl: /^\p{Script=Cyrillic}+$/u,
  Arab: /^\p{Script=Arabic}+(?: \p{Script=Arabic}+)*$/u,
  Hans: /^\p{Script=Han}+$/u,
  Jpan: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+$/u,
  Kore: /^\p{Script=Hangul}+$/u,
  Grek: /^\p{Script=Greek}+$/u,
  Hebr: /^\p{Script=Hebrew}+(?: \p{Script=Hebrew}+)*$/u,
};

const culture = (id: CultureId) => CULTURES.find((candidate) => candidate.id === id)!;
const entry = (native: string, ...latin: string[]): NameEntry => ({ native, latin });

describe.each(CULTURES.map((c) => [c.id, c] as const))('the %s name tables', (_id, c) => {
  const entries = [...c.male, ...c.female, ...c.family];

  it(`write every name in ${c.script}, and every spelling in Latin letters`, () => {
    const misfits = entries.flatMap((name) => [
      ...(WRITTEN_IN[c.script].test(name.native) ? [] : [`${name.native} is not ${c.script}`]),
      ...name.latin
        .filter((spelling) => !WRITTEN_IN.Latn.test(spelling))
        .map((spelling) => `${spelling} (${name.native}) is not Latin`),
    ]);
    expect(misfits).toEqual([]);
  });

  it('give each name one to four spellings, the name itself first in a Latin culture', () => {
    expect(entries.filter((name) => name.latin.length < 1 || name.latin.length > 4)).toEqual([]);
    if (c.script === 'Latn') expect(entries.filter((name) => name.latin[0] !== name.native)).toEqual([]);
  });

  it('list no name twice', () => {
    for (const list of [c.male, c.female, c.family]) {
      const natives = list.map((name) => name.native);
      expect(natives.filter((native, index) => natives.indexOf(native) !== index)).toEqual([]);
    }
  });

  it('are large enough for homonyms to occur without being everywhere', () => {
    expect(c.male.length + c.female.length).toBeGreaterThanOrEqual(c.script === 'Latn' ? 60 : 55);
    expect(c.family.length).toBeGreaterThanOrEqual(c.script === 'Latn' ? 49 : 43);
  });

  it('draw nationalities whose document numbers the generator knows how to shape', () => {
    expect(c.countries.every(([country, weight]) => /^[A-Z]{3}$/.test(country) && weight > 0)).toBe(true);
    expect(countriesWithDocumentShapes()).toEqual(expect.arrayContaining(c.countries.map(([country]) => country)));
  });
});

describe('a woman’s family name', () => {
  it.each<[CultureId, NameEntry, NameEntry]>([
    ['russian', entry('Иванов', 'Ivanov', 'Ivanoff'), entry('Иванова', 'Ivanova')],
    ['russian', entry('Лебедев', 'Lebedev', 'Lebedeff'), entry('Лебедева', 'Lebedeva')],
    ['russian', entry('Волков', 'Volkov', 'Wolkow'), entry('Волкова', 'Volkova', 'Wolkowa')],
    ['russian', entry('Соловьёв', 'Solovyov'), entry('Соловьёва', 'Solovyova')],
    ['russian', entry('Ильин', 'Ilyin'), entry('Ильина', 'Ilyina')],
    ['russian', entry('Покровский', 'Pokrovsky', 'Pokrovskiy'), entry('Покровская', 'Pokrovskaya')],
    ['russian', entry('Толстой', 'Tolstoy', 'Tolstoi'), entry('Толстая', 'Tolstaya')],
    ['ukrainian', entry('Іванов', 'Ivanov'), entry('Іванова', 'Ivanova')],
    ['ukrainian', entry('Левицький', 'Levytskyi', 'Levitsky'), entry('Левицька', 'Levytska', 'Levitska')],
    ['ukrainian', entry('Шевченко', 'Shevchenko'), entry('Шевченко', 'Shevchenko')],
    ['polish', entry('Wiśniewski', 'Wiśniewski', 'Wisniewski'), entry('Wiśniewska', 'Wiśniewska', 'Wisniewska')],
    ['polish', entry('Zawadzki', 'Zawadzki'), entry('Zawadzka', 'Zawadzka')],
    ['polish', entry('Nowak', 'Nowak'), entry('Nowak', 'Nowak')],
    [
      'greek',
      entry('Παπαδόπουλος', 'Papadopoulos', 'Papadopulos'),
      entry('Παπαδοπούλου', 'Papadopoulou', 'Papadopulu'),
    ],
    ['greek', entry('Βλάχος', 'Vlachos', 'Vlahos'), entry('Βλάχου', 'Vlachou', 'Vlahou')],
    ['greek', entry('Κατσαρός', 'Katsaros'), entry('Κατσαρού', 'Katsarou')],
    ['greek', entry('Παπαδάκης', 'Papadakis'), entry('Παπαδάκη', 'Papadaki')],
    ['greek', entry('Σαμαράς', 'Samaras'), entry('Σαμαρά', 'Samara')],
    ['greek', entry('Γεωργίου', 'Georgiou'), entry('Γεωργίου', 'Georgiou')],
  ])('in %s: %j becomes %j', (id, man, woman) => {
    expect(culture(id).feminine!(man)).toEqual(woman);
  });

  it.each([
    'arabic',
    'chinese',
    'japanese',
    'korean',
    'hebrew',
    'english',
    'french',
    'spanish',
    'german',
    'turkish',
    'dutch',
  ] as const)('in %s is the man’s', (id) => expect(culture(id).feminine).toBeUndefined());
});

describe('Russian patronymics', () => {
  it('are built on a stem for every father’s name but the irregular Илья and Никита', () => {
    const without = culture('russian')
      .male.filter((name) => !name.patronymicStem)
      .map((name) => name.native);
    expect(without.sort()).toEqual(['Илья', 'Никита']);
  });
});

describe('a name table', () => {
  it('reads native names with their spellings, and a Latin culture’s name as its own first spelling', () => {
    expect(nameTable('Иван: Ivan\n  # a comment\n\nСергей: Sergei, Sergey > Сергеев: Sergeyev', 'Cyrl')).toEqual([
      { native: 'Иван', latin: ['Ivan'] },
      { native: 'Сергей', latin: ['Sergei', 'Sergey'], patronymicStem: { native: 'Сергеев', latin: ['Sergeyev'] } },
    ]);
    expect(nameTable('Müller: Mueller, Muller\nSchmidt', 'Latn')).toEqual([
      { native: 'Müller', latin: ['Müller', 'Mueller', 'Muller'] },
      { native: 'Schmidt', latin: ['Schmidt'] },
    ]);
  });

  it('refuses a native name without a spelling, and a spelling given twice', () => {
    expect(() => nameTable('Иван', 'Cyrl')).toThrow(/needs a name and at least one Latin spelling/);
    expect(() => nameTable('Jürgen: Jürgen', 'Latn')).toThrow(/repeats a spelling/);
  });
});
