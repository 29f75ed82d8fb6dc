import { normalizeDocumentNumber } from '@crosscheck/resolution';
import { CULTURES, CultureId } from './cultures';
import {
  applicableCorruptions,
  applyCorruptions,
  chooseCorruptions,
  Corruption,
  CORRUPTIONS,
  mistype,
} from './corruptions';
import { editDistance } from './edit-distance';
import { withSeparators } from './identity-documents';
import { cloneFacts, drawPerson, PersonFacts } from './person-facts';
import { personJson, personNameJson } from './person-record';
import { Prng } from './prng';

const culture = (id: CultureId) => CULTURES.find((candidate) => candidate.id === id)!;

/** A person of the culture for whom the corruption applies, and the copy it makes of them. */
function corrupted(id: CultureId, corruption: Corruption, seed = 1): { original: PersonFacts; copy: PersonFacts } {
  const rng = new Prng(seed);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const original = drawPerson(rng, culture(id));
    if (!applicableCorruptions(original).includes(corruption)) continue;
    const copy = cloneFacts(original);
    applyCorruptions(rng, copy, [corruption]);
    return { original, copy };
  }
  throw new Error(`no ${id} person to apply ${corruption} to`);
}

describe('a typo', () => {
  it.each([
    ['Aleksandr', [...'abcdefghijklmnopqrstuvwxyz']],
    ['Müller-Lüdenscheidt', [...'abcdefghijklmnopqrstuvwxyz']],
    ['Иванов', [...'абвгдежзиклмнопрстуфхцчшщыэюя']],
    ['王伟', [...'李张刘陈杨']],
    ['محمد', [...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي']],
    ['O', [...'abc']],
  ])('of %s is one edit away, and keeps the first letter where the script has capitals', (text, alphabet) => {
    const rng = new Prng(7);
    for (let i = 0; i < 300; i++) {
      const slipped = mistype(rng, text, alphabet);
      expect(slipped).not.toBe(text);
      expect(editDistance(slipped, text)).toBe(1);
      if (text[0] !== text[0].toLowerCase()) expect(slipped[0]).toBe(text[0]);
    }
  });

  it('changes one name part by one edit, never into another of its spellings', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { original, copy } = corrupted(CULTURES[seed % CULTURES.length].id, 'typo', seed);
      const before = [original.name.given, original.name.middle, ...original.name.family].filter(
        (part) => part !== undefined,
      );
      const after = [copy.name.given, copy.name.middle, ...copy.name.family].filter((part) => part !== undefined);
      const changes = before.flatMap((part, i) =>
        (['latin', 'native'] as const)
          .filter((side) => part[side] !== after[i][side])
          .map((side) => [part, after[i][side], side] as const),
      );
      expect(changes).toHaveLength(1);
      const [part, slipped, side] = changes[0];
      expect(editDistance(slipped, part[side])).toBe(1);
      expect([part.entry.native, ...part.entry.latin]).not.toContain(slipped);
    }
  });
});

describe('a transliteration', () => {
  it('respells Latin parts with other spellings of the same name, or leaves out one of the two scripts', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { original, copy } = corrupted(
        (['russian', 'arabic', 'chinese', 'korean', 'german', 'turkish'] as const)[seed % 6],
        'transliteration',
        seed,
      );
      if (copy.name.form !== original.name.form) {
        expect(original.name.form).toBe('both');
        expect(copy.name.form).not.toBe('both');
        continue;
      }
      const pairs = [
        [original.name.given, copy.name.given],
        [original.name.middle, copy.name.middle],
        ...original.name.family.map((part, i) => [part, copy.name.family[i]]),
      ];
      const respelt = pairs.filter(([before, after]) => before && after && before.latin !== after.latin);
      expect(respelt.length).toBeGreaterThan(0);
      for (const [before, after] of respelt) expect(before!.entry.latin).toContain(after!.latin);
    }
  });
});

describe('a script switch', () => {
  it('writes a Latin-only name in its own script, and a native-only name in Latin', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { original, copy } = corrupted(
        (['russian', 'arabic', 'chinese', 'japanese', 'korean', 'greek', 'hebrew', 'ukrainian'] as const)[seed % 8],
        'script',
        seed,
      );
      expect([original.name.form, copy.name.form].sort()).toEqual(['latin', 'native']);
    }
  });

  it('does not apply to names written in Latin letters, nor where both scripts are already there', () => {
    const rng = new Prng(3);
    for (let i = 0; i < 100; i++) {
      expect(applicableCorruptions(drawPerson(rng, culture('french')))).not.toContain('script');
      const both = drawPerson(rng, culture('greek'));
      if (both.name.form === 'both') expect(applicableCorruptions(both)).not.toContain('script');
    }
  });
});

describe('a swapped order', () => {
  it('puts given and family in each other’s fields, or writes the full name alone in the other order', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 100; seed++) {
      const { original, copy } = corrupted(
        (['russian', 'chinese', 'spanish', 'korean'] as const)[seed % 4],
        'swapped_order',
        seed,
      );
      const before = personNameJson({ ...original.name, layout: 'fields' }, original.culture);
      const after = personNameJson(copy.name, copy.culture);
      if (copy.name.layout === 'swapped_fields') {
        expect([after.given, after.family]).toEqual([before.family, before.given]);
      } else {
        const usualFirst = original.culture.familyFirst ? before.family : before.given;
        const usualSecond = original.culture.familyFirst ? before.given : before.family;
        const separator = original.name.form === 'native' ? original.culture.nativeSeparator : ' ';
        expect(after).toMatchObject({ full: `${usualSecond}${separator}${usualFirst}` });
        expect(after.given).toBeUndefined();
      }
      seen.add(`${original.culture.id}:${copy.name.layout}`);
    }
    expect(seen).toEqual(
      new Set([
        'russian:swapped_fields',
        'russian:full_reversed',
        'chinese:swapped_fields',
        'chinese:full_reversed',
        'spanish:swapped_fields',
        'spanish:full_reversed',
        'korean:swapped_fields',
        'korean:full_reversed',
      ]),
    );
  });

  it('writes Wang Wei as Wei Wang, family-first cultures being reversed the other way', () => {
    const { original, copy } = (() => {
      for (let seed = 1; ; seed++) {
        const pair = corrupted('chinese', 'swapped_order', seed);
        if (pair.copy.name.layout === 'full_reversed' && pair.original.name.form !== 'native') return pair;
      }
    })();
    expect(personNameJson(copy.name, copy.culture).full).toBe(
      `${original.name.given.latin} ${original.name.family[0].latin}`,
    );
  });
});

describe('a dropped middle name', () => {
  it('leaves the given name without its second given name, patronymic or father’s name', () => {
    for (const id of ['russian', 'arabic', 'english', 'spanish'] as const) {
      const { original, copy } = corrupted(id, 'middle_name_dropped');
      const before = personNameJson({ ...original.name, layout: 'fields' }, original.culture).given!;
      const after = personNameJson({ ...copy.name, layout: 'fields' }, copy.culture).given!;
      expect(before.startsWith(`${after} `)).toBe(true);
    }
  });

  it('does not apply to Chinese, Japanese or Korean names, which have none', () => {
    const rng = new Prng(5);
    for (let i = 0; i < 50; i++) {
      for (const id of ['chinese', 'japanese', 'korean'] as const)
        expect(applicableCorruptions(drawPerson(rng, culture(id)))).not.toContain('middle_name_dropped');
    }
  });
});

describe('dates of birth', () => {
  it.each<[Corruption, (before: string, after: string | undefined) => boolean]>([
    ['dob_missing', (_before, after) => after === undefined],
    [
      'dob_partial',
      (before, after) => after !== undefined && (after.length === 4 || after.length === 7) && before.startsWith(after),
    ],
    [
      'dob_swapped',
      (before, after) =>
        after === `${before.slice(0, 4)}-${before.slice(8, 10)}-${before.slice(5, 7)}` && after !== before,
    ],
    [
      'dob_year_off',
      (before, after) =>
        after !== undefined &&
        Math.abs(Number(after.slice(0, 4)) - Number(before.slice(0, 4))) === 1 &&
        after.slice(4) === before.slice(4),
    ],
  ])('%s shows in the date as written', (corruption, holds) => {
    for (let seed = 1; seed <= 50; seed++) {
      const { original, copy } = corrupted('english', corruption, seed);
      expect(holds(original.dateOfBirth!, copy.dateOfBirth)).toBe(true);
    }
  });

  it('swaps day and month only when the day could be a month', () => {
    const rng = new Prng(9);
    for (let i = 0; i < 300; i++) {
      const person = drawPerson(rng, culture('dutch'));
      const [, month, day] = person.dateOfBirth!.split('-').map(Number);
      expect(applicableCorruptions(person).includes('dob_swapped')).toBe(day <= 12 && day !== month);
    }
  });
});

describe('document separators', () => {
  it('write the same number with spaces, dashes or dots, which normalise away', () => {
    const rng = new Prng(11);
    for (const number of ['AB1234567', '721234567', '12AB34567', 'E12345678', '12345678Z', 'C01X00T47']) {
      for (let i = 0; i < 50; i++) {
        const written = withSeparators(rng, number);
        expect(written).not.toBe(number);
        expect(written).toMatch(/^[A-Za-z0-9][A-Za-z0-9 ./<-]*[A-Za-z0-9]$/);
        expect(normalizeDocumentNumber(written)).toBe(number);
      }
    }
  });

  it('reformat one of the person’s documents and nothing else', () => {
    const { original, copy } = corrupted('german', 'document_separators');
    const changed = copy.documents.filter((document, i) => document.number !== original.documents[i].number);
    expect(changed).toHaveLength(1);
    expect(personJson({ ...copy, documents: original.documents })).toEqual(personJson(original));
  });
});

describe('choosing corruptions', () => {
  it('picks one to three that apply, at most one about the date of birth, never script with transliteration', () => {
    const rng = new Prng(13);
    const counts = new Map<number, number>();
    for (let i = 0; i < 2000; i++) {
      const chosen = chooseCorruptions(rng, CORRUPTIONS);
      counts.set(chosen.length, (counts.get(chosen.length) ?? 0) + 1);
      expect(chosen.filter((corruption) => corruption.startsWith('dob_')).length).toBeLessThanOrEqual(1);
      expect(chosen.includes('script') && chosen.includes('transliteration')).toBe(false);
      expect(new Set(chosen).size).toBe(chosen.length);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2, 3]);
    expect(chooseCorruptions(rng, ['typo'])).toEqual(['typo']);
  });
});
