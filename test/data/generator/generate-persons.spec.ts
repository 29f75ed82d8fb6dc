import { normalizeDocumentNumber } from '@crosscheck/resolution';
import { AGENCY_CODE_RULE } from '../../../apps/intake/src/manage-agencies/manage-agencies.schema';
import { CULTURES, ScriptCode } from './cultures';
import { Corruption, CORRUPTIONS, NAME_CORRUPTIONS } from './corruptions';
import { editDistance } from './edit-distance';
import { AGENCY_CODE, DEFAULT_AGENCIES, generatePersons, LabelledRecord } from './generate-persons';

const OPTIONS = { seed: 20261122, originals: 1000, maxDuplicatesPerOriginal: 3 };
const records = generatePersons(OPTIONS);
const originals = new Map(
  records.filter((labelled) => labelled.role === 'original').map((labelled) => [labelled.entityLabel, labelled]),
);
const duplicates = records.filter((labelled) => labelled.role === 'duplicate');
const originalOf = (duplicate: LabelledRecord) => originals.get(duplicate.entityLabel)!;
const name = (labelled: LabelledRecord) => labelled.record.person.names[0];

const WRITTEN_IN: Record<ScriptCode, RegExp> = {
  Latn: /^[\p{Script=Latin}' -]+$/u,
  Cyrl: /^[\p{Script=Cyrillic} ]+$/u,
  Arab: /^[\p{Script=Arabic} ]+$/u,
  Hans: /^\p{Script=Han}+$/u,
  Jpan: /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana} ]+$/u,
  Kore: /^\p{Script=Hangul}+$/u,
  Grek: /^[\p{Script=Greek} ]+$/u,
  Hebr: /^[\p{Script=Hebrew} ]+$/u,
};

describe('generatePersons', () => {
  it('gives the same records, byte for byte, for the same seed, and others for another seed', () => {
    const again = generatePersons(OPTIONS);
    expect(JSON.stringify(again)).toBe(JSON.stringify(records));
    expect(JSON.stringify(generatePersons({ ...OPTIONS, seed: OPTIONS.seed + 1 }))).not.toBe(JSON.stringify(records));
  });

  it('draws person n the same whatever the number of persons around it', () => {
    const fewer = generatePersons({ ...OPTIONS, originals: 300 }).filter((labelled) => labelled.role === 'original');
    const strip = ({ record: { externalRef: _, ...body }, ...labels }: LabelledRecord) => ({ ...labels, body });
    for (const original of fewer) expect(strip(original)).toEqual(strip(originals.get(original.entityLabel)!));
  });

  it('makes one original per person and 1 to maxDuplicatesPerOriginal duplicates for about duplicateRate of them', () => {
    expect(originals.size).toBe(OPTIONS.originals);
    const perPerson = new Map<string, number>();
    for (const duplicate of duplicates)
      perPerson.set(duplicate.entityLabel, (perPerson.get(duplicate.entityLabel) ?? 0) + 1);
    expect(Math.max(...perPerson.values())).toBe(3);
    expect(perPerson.size / OPTIONS.originals).toBeGreaterThan(0.5);
    expect(perPerson.size / OPTIONS.originals).toBeLessThan(0.7);
    expect(generatePersons({ ...OPTIONS, originals: 50, maxDuplicatesPerOriginal: 0 })).toHaveLength(50);
  });

  it('labels every duplicate with an original that exists and 1 to 3 distinct known corruptions', () => {
    for (const duplicate of duplicates) {
      expect(originals.has(duplicate.entityLabel)).toBe(true);
      expect(duplicate.corruptions.length).toBeGreaterThanOrEqual(1);
      expect(duplicate.corruptions.length).toBeLessThanOrEqual(3);
      expect(new Set(duplicate.corruptions).size).toBe(duplicate.corruptions.length);
      expect(duplicate.corruptions.every((corruption) => (CORRUPTIONS as readonly string[]).includes(corruption))).toBe(
        true,
      );
      expect(duplicate.culture).toBe(originalOf(duplicate).culture);
    }
    for (const original of originals.values())
      expect(original.corruptions).toEqual(original.homonymOf ? ['homonym'] : []);
  });

  it('shows each date of birth corruption in the date, and leaves the date alone otherwise', () => {
    for (const duplicate of duplicates) {
      const before = originalOf(duplicate).record.person.dateOfBirth!;
      const after = duplicate.record.person.dateOfBirth;
      const [corruption, ...more] = duplicate.corruptions.filter((c) => c.startsWith('dob_'));
      expect(more).toEqual([]);
      switch (corruption) {
        case undefined:
          expect(after).toBe(before);
          break;
        case 'dob_missing':
          expect(after).toBeUndefined();
          break;
        case 'dob_partial':
          expect(after).toMatch(/^\d{4}(-\d{2})?$/);
          expect(before.startsWith(after!)).toBe(true);
          break;
        case 'dob_swapped':
          expect(after).toBe(`${before.slice(0, 4)}-${before.slice(8, 10)}-${before.slice(5, 7)}`);
          expect(after).not.toBe(before);
          break;
        case 'dob_year_off':
          expect(Math.abs(Number(after!.slice(0, 4)) - Number(before.slice(0, 4)))).toBe(1);
          expect(after!.slice(4)).toBe(before.slice(4));
          break;
        default:
          throw new Error(`unexpected ${corruption}`);
      }
    }
  });

  it('writes a document number differently only under document_separators, and always to the same number', () => {
    for (const duplicate of duplicates) {
      const before = originalOf(duplicate).record.person.documents ?? [];
      const after = duplicate.record.person.documents ?? [];
      expect(after.map((document) => ({ ...document, number: normalizeDocumentNumber(document.number) }))).toEqual(
        before,
      );
      const reformatted = after.filter((document, i) => document.number !== before[i].number);
      expect(reformatted).toHaveLength(duplicate.corruptions.includes('document_separators') ? 1 : 0);
    }
  });

  it('changes the name exactly when a name corruption is listed, and sex and nationality never', () => {
    for (const duplicate of duplicates) {
      const original = originalOf(duplicate);
      const nameCorrupted = duplicate.corruptions.some((corruption) =>
        NAME_CORRUPTIONS.includes(corruption as Corruption),
      );
      expect(JSON.stringify(duplicate.record.person.names) !== JSON.stringify(original.record.person.names)).toBe(
        nameCorrupted,
      );
      expect([duplicate.record.person.sex, duplicate.record.person.nationalities]).toEqual([
        original.record.person.sex,
        original.record.person.nationalities,
      ]);
    }
  });

  it('shows a corruption that comes alone in the name as its label says', () => {
    const alone = (corruption: Corruption) =>
      duplicates.filter((duplicate) => duplicate.corruptions.length === 1 && duplicate.corruptions[0] === corruption);
    for (const duplicate of alone('typo')) {
      const [before, after] = [name(originalOf(duplicate)), name(duplicate)];
      const changed = (['full', 'given', 'family', 'original'] as const).filter(
        (field) => before[field] !== after[field],
      );
      expect(changed.length).toBeGreaterThan(0);
      for (const field of changed) expect(editDistance(before[field]!, after[field]!)).toBe(1);
    }
    for (const duplicate of alone('transliteration')) {
      const [before, after] = [name(originalOf(duplicate)), name(duplicate)];
      const nativeScript = CULTURES.find((culture) => culture.id === duplicate.culture)!.script;
      const latinOnly = before.original !== undefined && after.original === undefined;
      const nativeOnly =
        nativeScript !== 'Latn' &&
        before.script !== undefined &&
        WRITTEN_IN[nativeScript].test(after.given ?? after.full!);
      if (!latinOnly && !nativeOnly) {
        expect(after.original).toBe(before.original);
        expect([after.full, after.given, after.family]).not.toEqual([before.full, before.given, before.family]);
      }
    }
    for (const duplicate of alone('swapped_order')) {
      const [before, after] = [name(originalOf(duplicate)), name(duplicate)];
      const familyFirst = CULTURES.find((culture) => culture.id === duplicate.culture)!.familyFirst;
      if (after.given !== undefined) expect([after.given, after.family]).toEqual([before.family, before.given]);
      else
        expect(after.full).toBe(familyFirst ? `${before.given} ${before.family}` : `${before.family} ${before.given}`);
    }
    for (const duplicate of alone('middle_name_dropped')) {
      const [before, after] = [name(originalOf(duplicate)), name(duplicate)];
      expect(before.given!.startsWith(`${after.given} `)).toBe(true);
      expect(after.family).toBe(before.family);
    }
    for (const corruption of ['typo', 'transliteration', 'swapped_order', 'middle_name_dropped', 'script'] as const)
      expect(alone(corruption).length).toBeGreaterThan(10);
  });

  it('labels each record with the script its name fields are written in, and changes it under script', () => {
    for (const labelled of records) {
      const { full, given, family, original, script } = name(labelled);
      const culture = CULTURES.find((candidate) => candidate.id === labelled.culture)!;
      for (const text of [full, given, family].filter((field) => field !== undefined))
        expect(text).toMatch(WRITTEN_IN[labelled.script]);
      if (original !== undefined) {
        expect(original).toMatch(WRITTEN_IN[culture.script]);
        expect(script).toBe(culture.script);
      }
      if (labelled.script !== 'Latn') expect(labelled.script).toBe(culture.script);
    }
    for (const duplicate of duplicates.filter((d) => d.corruptions.includes('script')))
      expect(duplicate.script).not.toBe(originalOf(duplicate).script);
  });

  it('covers every culture and every corruption in a 1,000-person run, and every script as a record’s main one', () => {
    expect(new Set([...originals.values()].map((original) => original.culture))).toEqual(
      new Set(CULTURES.map((culture) => culture.id)),
    );
    expect(new Set(duplicates.flatMap((duplicate) => duplicate.corruptions))).toEqual(new Set(CORRUPTIONS));
    expect(new Set(records.map((labelled) => labelled.script))).toEqual(
      new Set(['Latn', ...CULTURES.map((culture) => culture.script)]),
    );
  });

  it('makes homonyms: distinct persons with the name and birth year of an earlier one, born another day, with documents of their own', () => {
    const homonyms = [...originals.values()].filter((original) => original.homonymOf);
    expect(homonyms.length).toBeGreaterThan(25);
    expect(homonyms.length).toBeLessThan(80);
    for (const homonym of homonyms) {
      const namesake = originals.get(homonym.homonymOf!)!;
      expect(homonym.entityLabel).not.toBe(namesake.entityLabel);
      expect(homonym.culture).toBe(namesake.culture);
      expect(name(homonym).family).toBe(name(namesake).family);
      const firstGiven = (labelled: LabelledRecord) => name(labelled).given!.split(' ')[0];
      expect(firstGiven(homonym)).toBe(firstGiven(namesake));
      const [born, namesakeBorn] = [homonym.record.person.dateOfBirth!, namesake.record.person.dateOfBirth!];
      expect(born.slice(0, 4)).toBe(namesakeBorn.slice(0, 4));
      expect(born).not.toBe(namesakeBorn);
      if (namesake.record.person.documents)
        expect(homonym.record.person.documents).not.toEqual(namesake.record.person.documents);
    }
  });

  it('has most duplicates shared by another agency than the original’s, from the agencies given', () => {
    const elsewhere = duplicates.filter((duplicate) => duplicate.agency !== originalOf(duplicate).agency).length;
    expect(elsewhere / duplicates.length).toBeGreaterThan(0.75);
    expect(new Set(records.map((labelled) => labelled.agency))).toEqual(new Set(DEFAULT_AGENCIES));
    const own = generatePersons({ ...OPTIONS, originals: 100, agencies: ['FRA', 'DEU'] });
    expect(new Set(own.map((labelled) => labelled.agency))).toEqual(new Set(['FRA', 'DEU']));
  });

  it('gives each record its own externalRef, and shuffles duplicates away from their original', () => {
    expect(new Set(records.map((labelled) => labelled.record.externalRef)).size).toBe(records.length);
    const neighbours = records.slice(1).filter((labelled, i) => labelled.entityLabel === records[i].entityLabel).length;
    expect(neighbours / records.length).toBeLessThan(0.02);
  });

  it('checks agency codes with intake’s own rule', () => {
    expect(AGENCY_CODE.source).toBe(AGENCY_CODE_RULE.source);
  });

  it.each([
    [{ seed: -1 }, /seed must be an integer/],
    [{ originals: 0 }, /originals must be a whole number of at least 1/],
    [{ maxDuplicatesPerOriginal: 1.5 }, /maxDuplicatesPerOriginal/],
    [{ duplicateRate: 2 }, /duplicateRate must be between 0 and 1/],
    [{ homonymRate: Number.NaN }, /homonymRate must be between 0 and 1/],
    [{ agencies: [] }, /at least one agency/],
    [{ agencies: ['fr-pn'] }, /agency "fr-pn" is not an agency code/],
    [{ agencies: ['FRA', 'FRA'] }, /must not repeat/],
  ])('refuses %j', (override, message) => {
    expect(() => generatePersons({ ...OPTIONS, ...override })).toThrow(message);
  });
});
