import {
  checkVin,
  compareIdentifiers,
  foldOcrConfusions,
  normalizeDocumentNumber,
  normalizeSerialNumber,
  normalizeVin,
  parseMrz,
} from '@crosscheck/resolution';
import { editDistance } from '../generator/edit-distance';
import { looseText } from './artwork-cases';
import { generateReferenceData } from './generate-reference';
import { generateMatchingCases, MatchingCase, MATCHING_VARIANTS } from './matching-cases';
import {
  ArtworkEntry,
  FirearmEntry,
  NoticeEntry,
  PersonJson,
  ReferenceDataset,
  REFERENCE_DATASETS,
  SltdEntry,
  SmvEntry,
} from './reference-entries';

const OPTIONS = { seed: 20261122, entriesPerDataset: 1000, queriesPerDataset: 220 };
const { entries, queries } = generateMatchingCases(OPTIONS);

const byId = new Map<string, unknown>(
  REFERENCE_DATASETS.flatMap((dataset) =>
    entries[dataset].map((entry) => [`${dataset}|${entry.entryId}`, entry] as const),
  ),
);
const entryOf = <E>(labelled: MatchingCase) =>
  byId.get(`${labelled.madeFrom.dataset}|${labelled.madeFrom.entryId}`) as E;
const casesOf = (dataset: ReferenceDataset, variant: string) =>
  queries.filter((labelled) => labelled.dataset === dataset && labelled.variant === variant);

/** For each case of a variant: the query's body of the kind, and the entry it was made of. */
function eachCase<E, B>(
  dataset: ReferenceDataset,
  variant: string,
  body: (labelled: MatchingCase) => B | undefined,
  check: (query: B, entry: E, labelled: MatchingCase) => void,
): void {
  const cases = casesOf(dataset, variant);
  expect(cases.length).toBeGreaterThan(5);
  for (const labelled of cases) {
    const query = body(labelled);
    if (query === undefined)
      throw new Error(
        `${labelled.query.externalRef}: a ${dataset} ${variant} query of the wrong kind (${labelled.query.kind})`,
      );
    check(query, entryOf<E>(labelled), labelled);
  }
}
const person = (labelled: MatchingCase) => (labelled.query.kind === 'person' ? labelled.query.person : undefined);
const travelDocument = (labelled: MatchingCase) =>
  labelled.query.kind === 'travel_document' ? labelled.query.travelDocument : undefined;
const vehicle = (labelled: MatchingCase) => (labelled.query.kind === 'vehicle' ? labelled.query.vehicle : undefined);
const firearm = (labelled: MatchingCase) => (labelled.query.kind === 'firearm' ? labelled.query.firearm : undefined);
const artwork = (labelled: MatchingCase) => (labelled.query.kind === 'artwork' ? labelled.query.artwork : undefined);

/** Characters at which two texts of one length differ; Infinity for texts of different lengths. */
function hamming(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  return [...a].filter((char, index) => char !== b[index]).length;
}
const documentNumber = (text: string) => normalizeDocumentNumber(text);
const folded = (text: string) => foldOcrConfusions(normalizeDocumentNumber(text));
const year = (date: string | undefined) => date?.slice(0, 4);
const nameOf = (subject: PersonJson, index = 0) => subject.names[index];

describe('generateMatchingCases', () => {
  it('gives the same cases, byte for byte, for the same seed', () => {
    expect(JSON.stringify(generateMatchingCases(OPTIONS))).toBe(JSON.stringify({ entries, queries }));
    expect(JSON.stringify(generateMatchingCases({ ...OPTIONS, seed: 1 }).queries)).not.toBe(JSON.stringify(queries));
  });

  it('makes its queries of the entries generateReferenceData gives for the same seed', () => {
    const counts = { notices: 1000, sltd: 1000, smv: 1000, firearms: 1000, artworks: 1000 };
    expect(JSON.stringify(generateReferenceData({ seed: OPTIONS.seed, ...counts }))).toBe(JSON.stringify(entries));
  });

  it('labels every query with an entry that exists: the one it must find, or null for a hard negative', () => {
    for (const labelled of queries) {
      expect(entryOf(labelled)).toBeDefined();
      if (labelled.expected) expect(labelled.expected).toEqual(labelled.madeFrom);
      const negative = (MATCHING_VARIANTS[labelled.dataset].hardNegatives as readonly string[]).includes(
        labelled.variant,
      );
      expect({ variant: labelled.variant, expected: labelled.expected === null }).toEqual({
        variant: labelled.variant,
        expected: negative,
      });
    }
  });

  it('covers every variant of every dataset, about 30% of them hard negatives, with unique references', () => {
    for (const dataset of REFERENCE_DATASETS) {
      const { matches, hardNegatives } = MATCHING_VARIANTS[dataset];
      for (const variant of [...matches, ...hardNegatives])
        expect({ dataset, variant, cases: casesOf(dataset, variant).length > 5 }).toEqual({
          dataset,
          variant,
          cases: true,
        });
      const cases = queries.filter((labelled) => labelled.dataset === dataset);
      expect(cases.length).toBeGreaterThan(210);
      expect(cases.filter((labelled) => labelled.expected === null).length / cases.length).toBeCloseTo(0.3, 1);
    }
    const refs = queries.map((labelled) => labelled.query.externalRef);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('labels every person query with the script of its name, and person queries come in many scripts', () => {
    const persons = queries.filter((labelled) => labelled.query.kind === 'person');
    expect(persons.every((labelled) => labelled.script !== undefined)).toBe(true);
    expect(
      queries.filter((labelled) => labelled.query.kind !== 'person').every((labelled) => labelled.script === undefined),
    ).toBe(true);
    expect(new Set(persons.map((labelled) => labelled.script)).size).toBeGreaterThanOrEqual(7);
  });

  it('refuses options out of range', () => {
    expect(() => generateMatchingCases({ seed: 1, entriesPerDataset: -1 })).toThrow(
      /entriesPerDataset.notices must be a whole number/,
    );
    expect(() => generateMatchingCases({ seed: 1, entriesPerDataset: 10, hardNegativeShare: 2 })).toThrow(
      /hardNegativeShare/,
    );
  });
});

describe('true variants of notices', () => {
  it("exact: the subject's first name and date of birth as the notice has them", () => {
    eachCase<NoticeEntry, PersonJson>('notices', 'exact', person, (query, notice) => {
      expect(query.names).toEqual([nameOf(notice.subject)]);
      expect(query.dateOfBirth).toBe(notice.subject.dateOfBirth);
    });
  });

  it('typo: one slip in one part of the name, the date of birth kept', () => {
    eachCase<NoticeEntry, PersonJson>('notices', 'typo', person, (query, notice) => {
      const [written, original] = [nameOf(query), nameOf(notice.subject)];
      const distance = ['given', 'family', 'full', 'original'].reduce(
        (sum, part) => sum + editDistance(written[part as 'given'] ?? '', original[part as 'given'] ?? ''),
        0,
      );
      expect(distance).toBeGreaterThanOrEqual(1);
      expect(
        editDistance(`${written.given} ${written.family}`, `${original.given} ${original.family}`),
      ).toBeLessThanOrEqual(1);
      expect(query.dateOfBirth).toBe(notice.subject.dateOfBirth);
    });
  });

  it('swapped_order: the same words in the other fields or order', () => {
    eachCase<NoticeEntry, PersonJson>('notices', 'swapped_order', person, (query, notice) => {
      const words = (name: PersonJson['names'][number]) =>
        (name.full ?? `${name.given} ${name.family}`).split(/\s+/).sort();
      expect(nameOf(query)).not.toEqual(nameOf(notice.subject));
      expect(words(nameOf(query)).join(' ')).toBe(words(nameOf(notice.subject)).join(' '));
    });
  });

  it('dob_partial and dob_missing: the name kept, the date cut to year or month, or left out', () => {
    eachCase<NoticeEntry, PersonJson>('notices', 'dob_partial', person, (query, notice) => {
      expect(nameOf(query)).toEqual(nameOf(notice.subject));
      expect(notice.subject.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect([4, 7]).toContain(query.dateOfBirth!.length);
      expect(notice.subject.dateOfBirth!.startsWith(query.dateOfBirth!)).toBe(true);
    });
    eachCase<NoticeEntry, PersonJson>('notices', 'dob_missing', person, (query, notice) => {
      expect(nameOf(query)).toEqual(nameOf(notice.subject));
      expect(notice.subject.dateOfBirth).toBeDefined();
      expect(query.dateOfBirth).toBeUndefined();
    });
  });

  it('other_script: the name in the script the notice did not write it in alone', () => {
    const isLatin = (text: string | undefined) => /^[\p{Script=Latin}' -]+$/u.test(text ?? '');
    eachCase<NoticeEntry, PersonJson>('notices', 'other_script', person, (query, notice, labelled) => {
      const [written, original] = [nameOf(query), nameOf(notice.subject)];
      const originalScript = isLatin(original.given ?? original.full) ? 'Latn' : original.script;
      expect(labelled.script).not.toBe(originalScript);
      if (labelled.script === 'Latn')
        expect([isLatin(written.given ?? written.full), written.original]).toEqual([true, undefined]);
      else expect([isLatin(written.given ?? written.full), written.script]).toEqual([false, labelled.script]);
    });
    const scripts = new Set(casesOf('notices', 'other_script').map((labelled) => labelled.script));
    expect(scripts.has('Latn') && scripts.size).toBeGreaterThanOrEqual(4);
  });

  it('transliteration: another Latin spelling, or one of the two scripts kept', () => {
    eachCase<NoticeEntry, PersonJson>('notices', 'transliteration', person, (query, notice) => {
      expect(nameOf(query)).not.toEqual(nameOf(notice.subject));
      expect(query.dateOfBirth).toBe(notice.subject.dateOfBirth);
    });
  });

  it("alias: a name the notice lists as an alias, with the subject's date of birth", () => {
    eachCase<NoticeEntry, PersonJson>('notices', 'alias', person, (query, notice) => {
      expect(notice.subject.names.filter((name) => name.alias)).toContainEqual({ ...nameOf(query), alias: true });
      expect(query.dateOfBirth).toBe(notice.subject.dateOfBirth);
    });
  });
});

describe('hard negatives of notices', () => {
  const namesakes = (given: string | undefined, family: string | undefined) =>
    entries.notices.filter((notice) =>
      notice.subject.names.some((name) => name.given === given && name.family === family),
    );

  it('homonym: the same name and birth year, another day of birth, and no notice of that name born that day', () => {
    eachCase<NoticeEntry, PersonJson>('notices', 'homonym', person, (query, notice) => {
      const [written, original] = [nameOf(query), nameOf(notice.subject)];
      const firstGiven = (name: typeof written) => (name.given ?? name.full ?? '').split(' ')[0];
      expect(firstGiven(written)).toBe(firstGiven(original));
      expect(written.family ?? '').toBe(original.family ?? '');
      expect(year(query.dateOfBirth)).toBe(year(notice.subject.dateOfBirth));
      expect(query.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(query.dateOfBirth).not.toBe(notice.subject.dateOfBirth);
      for (const namesake of namesakes(written.given, written.family)) {
        expect(query.dateOfBirth!.startsWith(namesake.subject.dateOfBirth ?? '-')).toBe(false);
      }
    });
  });

  it('same_surname_other_year: the family name, another given name, born at least 3 years apart', () => {
    eachCase<NoticeEntry, PersonJson>('notices', 'same_surname_other_year', person, (query, notice) => {
      const [written, original] = [nameOf(query), nameOf(notice.subject)];
      expect(written.given).not.toBe(original.given);
      expect(
        Math.abs(Number(year(query.dateOfBirth)) - Number(year(notice.subject.dateOfBirth))),
      ).toBeGreaterThanOrEqual(3);
      expect(namesakes(written.given, written.family)).toEqual([]);
    });
  });
});

describe('true variants of SLTD entries', () => {
  it('exact, separators, lowercase: the same number once normalised, of the same country and type', () => {
    for (const variant of ['exact', 'separators', 'lowercase']) {
      eachCase<SltdEntry, SltdEntry['travelDocument']>(
        'sltd',
        variant,
        travelDocument,
        (query, { travelDocument: reported }) => {
          expect(documentNumber(query.number)).toBe(reported.number);
          expect(query.number === reported.number).toBe(variant === 'exact');
          expect([query.issuingCountry, query.type]).toEqual([reported.issuingCountry, reported.type]);
        },
      );
    }
  });

  it('ocr_confusion: one character read as its look-alike (0/O, 1/I first), the same number once misreadings are folded', () => {
    eachCase<SltdEntry, SltdEntry['travelDocument']>(
      'sltd',
      'ocr_confusion',
      travelDocument,
      (query, { travelDocument: reported }) => {
        expect(hamming(query.number, reported.number)).toBe(1);
        expect(folded(query.number)).toBe(folded(reported.number));
      },
    );
    const confusions = casesOf('sltd', 'ocr_confusion').map((labelled) =>
      labelled.query.kind === 'travel_document' ? labelled.query.travelDocument.number : '',
    );
    expect(confusions.some((number) => /[OI]/.test(number))).toBe(true);
  });

  it('mrz_scan: the number as the MRZ field writes it, and a zone whose check digits hold, of the same passport', () => {
    eachCase<SltdEntry, SltdEntry['travelDocument']>(
      'sltd',
      'mrz_scan',
      travelDocument,
      (query, { travelDocument: reported }) => {
        expect(query.number).toBe(reported.number.padEnd(9, '<'));
        const mrz = parseMrz(query.mrz!);
        expect({ problems: mrz.problems, format: mrz.format }).toEqual({ problems: [], format: 'TD3' });
        expect(mrz.documentNumber).toBe(reported.number);
        expect(mrz.expiryDate).toEqual({
          year: Number(reported.expiresOn!.slice(0, 4)),
          month: Number(reported.expiresOn!.slice(5, 7)),
          day: Number(reported.expiresOn!.slice(8)),
        });
        expect(mrz.issuingCountry).toBe(reported.issuingCountry === 'DEU' ? 'D' : reported.issuingCountry);
      },
    );
  });

  it('person_with_document: a person carrying the reported document, and no notice namesake', () => {
    eachCase<SltdEntry, PersonJson>('sltd', 'person_with_document', person, (query, { travelDocument: reported }) => {
      expect(query.documents).toHaveLength(1);
      const [carried] = query.documents!;
      expect([documentNumber(carried.number), carried.issuingCountry, carried.type]).toEqual([
        reported.number,
        reported.issuingCountry,
        reported.type,
      ]);
    });
  });
});

describe('hard negatives of SLTD entries', () => {
  const reportedKeys = new Set(
    entries.sltd.map(({ travelDocument: reported }) => `${reported.issuingCountry}|${folded(reported.number)}`),
  );

  it('near_miss_number and person_with_near_miss_document: one digit changed, the same country, and no document reported under it', () => {
    eachCase<SltdEntry, SltdEntry['travelDocument']>(
      'sltd',
      'near_miss_number',
      travelDocument,
      (query, { travelDocument: reported }) => {
        expect(hamming(documentNumber(query.number), reported.number)).toBe(1);
        expect(
          compareIdentifiers(
            documentNumber(query.number),
            folded(query.number),
            reported.number,
            folded(reported.number),
          ),
        ).toBe('one-edit');
        expect(reportedKeys.has(`${query.issuingCountry}|${folded(query.number)}`)).toBe(false);
      },
    );
    eachCase<SltdEntry, PersonJson>(
      'sltd',
      'person_with_near_miss_document',
      person,
      (query, { travelDocument: reported }) => {
        const [carried] = query.documents!;
        expect(hamming(documentNumber(carried.number), reported.number)).toBe(1);
        expect(reportedKeys.has(`${carried.issuingCountry}|${folded(carried.number)}`)).toBe(false);
      },
    );
  });

  it('same_number_other_country: the same number issued by another country, which reported no such document', () => {
    eachCase<SltdEntry, SltdEntry['travelDocument']>(
      'sltd',
      'same_number_other_country',
      travelDocument,
      (query, { travelDocument: reported }) => {
        expect(query.number).toBe(reported.number);
        expect(query.issuingCountry).not.toBe(reported.issuingCountry);
        expect(reportedKeys.has(`${query.issuingCountry}|${folded(query.number)}`)).toBe(false);
      },
    );
  });
});

describe('vehicles', () => {
  const foldedVins = new Set(entries.smv.map(({ vehicle: stolen }) => foldOcrConfusions(stolen.vin)));
  const plates = new Set(
    entries.smv.map(({ vehicle: stolen }) => `${stolen.registrationCountry}|${documentNumber(stolen.plate!)}`),
  );

  it('true variants: the same VIN once normalised (or misread as a letter a VIN may hold), the same plate once its separators go', () => {
    for (const variant of ['exact', 'vin_lowercase', 'vin_separators', 'plate_separators']) {
      eachCase<SmvEntry, SmvEntry['vehicle']>('smv', variant, vehicle, (query, { vehicle: stolen }) => {
        expect(normalizeVin(query.vin)).toBe(stolen.vin);
        expect(documentNumber(query.plate!)).toBe(documentNumber(stolen.plate!));
        expect(query.vin === stolen.vin && query.plate === stolen.plate).toBe(variant === 'exact');
      });
    }
    eachCase<SmvEntry, SmvEntry['vehicle']>('smv', 'vin_ocr_confusion', vehicle, (query, { vehicle: stolen }) => {
      expect(hamming(query.vin, stolen.vin)).toBe(1);
      expect(foldOcrConfusions(query.vin)).toBe(foldOcrConfusions(stolen.vin));
      expect(checkVin(query.vin).valid).toBe(true);
    });
  });

  it('near_miss_vin: another car of the model, its VIN one character off with the check digit still right where there is one', () => {
    eachCase<SmvEntry, SmvEntry['vehicle']>('smv', 'near_miss_vin', vehicle, (query, { vehicle: stolen }) => {
      expect(hamming(query.vin, stolen.vin)).toBe(1);
      expect(checkVin(query.vin).valid).toBe(true);
      expect(checkVin(query.vin).checkDigit).not.toBe('mismatch');
      expect(foldedVins.has(foldOcrConfusions(query.vin))).toBe(false);
      expect(plates.has(`${query.registrationCountry}|${documentNumber(query.plate!)}`)).toBe(false);
      expect([query.make, query.model, query.registrationCountry]).toEqual([
        stolen.make,
        stolen.model,
        stolen.registrationCountry,
      ]);
    });
    expect(
      casesOf('smv', 'near_miss_vin').some(
        (labelled) => labelled.query.kind === 'vehicle' && /^[1-5]/.test(labelled.query.vehicle.vin),
      ),
    ).toBe(true);
  });

  it('near_miss_vin_bad_check_digit: a North American VIN one serial digit off, its check digit now wrong', () => {
    eachCase<SmvEntry, SmvEntry['vehicle']>(
      'smv',
      'near_miss_vin_bad_check_digit',
      vehicle,
      (query, { vehicle: stolen }) => {
        expect(hamming(query.vin, stolen.vin)).toBe(1);
        expect(checkVin(query.vin).checkDigit).toBe('mismatch');
        expect(foldedVins.has(foldOcrConfusions(query.vin))).toBe(false);
      },
    );
  });

  it('other_plate_same_country: the same model, colour and year in the same country, with a VIN and plate of its own', () => {
    eachCase<SmvEntry, SmvEntry['vehicle']>(
      'smv',
      'other_plate_same_country',
      vehicle,
      (query, { vehicle: stolen }) => {
        expect([query.make, query.model, query.colour, query.year, query.registrationCountry]).toEqual([
          stolen.make,
          stolen.model,
          stolen.colour,
          stolen.year,
          stolen.registrationCountry,
        ]);
        expect(
          compareIdentifiers(query.vin, foldOcrConfusions(query.vin), stolen.vin, foldOcrConfusions(stolen.vin)),
        ).toBe('different');
        expect(foldedVins.has(foldOcrConfusions(query.vin))).toBe(false);
        expect(plates.has(`${query.registrationCountry}|${documentNumber(query.plate!)}`)).toBe(false);
        expect(checkVin(query.vin).checkDigit).not.toBe('mismatch');
      },
    );
  });
});

describe('firearms', () => {
  const serial = (text: string) => foldOcrConfusions(normalizeSerialNumber(text));
  const reported = new Set(entries.firearms.map(({ firearm: gun }) => `${gun.make}|${serial(gun.serialNumber)}`));

  it('true variants: the same serial once normalised or folded, the make or calibre under another name', () => {
    for (const variant of ['exact', 'serial_separators', 'serial_lowercase', 'make_alias', 'calibre_notation']) {
      eachCase<FirearmEntry, FirearmEntry['firearm']>('firearms', variant, firearm, (query, { firearm: gun }) => {
        expect(normalizeSerialNumber(query.serialNumber)).toBe(normalizeSerialNumber(gun.serialNumber));
        expect(query.make !== gun.make).toBe(variant === 'make_alias');
        expect(query.calibre !== gun.calibre).toBe(variant === 'calibre_notation');
      });
    }
    eachCase<FirearmEntry, FirearmEntry['firearm']>(
      'firearms',
      'serial_ocr_confusion',
      firearm,
      (query, { firearm: gun }) => {
        expect(hamming(query.serialNumber, gun.serialNumber)).toBe(1);
        expect(serial(query.serialNumber)).toBe(serial(gun.serialNumber));
      },
    );
  });

  it('near_miss_serial: the same make and model, the serial one digit off, no gun of that make reported under it', () => {
    eachCase<FirearmEntry, FirearmEntry['firearm']>(
      'firearms',
      'near_miss_serial',
      firearm,
      (query, { firearm: gun }) => {
        expect(hamming(normalizeSerialNumber(query.serialNumber), normalizeSerialNumber(gun.serialNumber))).toBe(1);
        expect([query.make, query.model]).toEqual([gun.make, gun.model]);
        expect(reported.has(`${query.make}|${serial(query.serialNumber)}`)).toBe(false);
      },
    );
  });

  it('same_serial_other_make: the same serial on a gun of another maker', () => {
    eachCase<FirearmEntry, FirearmEntry['firearm']>(
      'firearms',
      'same_serial_other_make',
      firearm,
      (query, { firearm: gun }) => {
        expect(query.serialNumber).toBe(gun.serialNumber);
        expect(query.make).not.toBe(gun.make);
        expect(reported.has(`${query.make}|${serial(query.serialNumber)}`)).toBe(false);
      },
    );
  });
});

describe('works of art', () => {
  const works = new Set(
    entries['works-of-art'].map(({ artwork: work }) => `${looseText(work.title)}|${looseText(work.maker ?? '')}`),
  );

  it('true variants: the title misspelt by one letter, in another case, without articles or turned around; the maker by family name', () => {
    eachCase<ArtworkEntry, ArtworkEntry['artwork']>('works-of-art', 'title_typo', artwork, (query, { artwork: work }) =>
      expect(editDistance(query.title, work.title)).toBe(1),
    );
    eachCase<ArtworkEntry, ArtworkEntry['artwork']>(
      'works-of-art',
      'title_case',
      artwork,
      (query, { artwork: work }) => {
        expect(query.title).not.toBe(work.title);
        expect(query.title.toLowerCase()).toBe(work.title.toLowerCase());
      },
    );
    eachCase<ArtworkEntry, ArtworkEntry['artwork']>(
      'works-of-art',
      'title_articles_dropped',
      artwork,
      (query, { artwork: work }) => {
        expect(
          work.title
            .split(' ')
            .filter((word) => !/^(the|a|an)$/i.test(word))
            .join(' '),
        ).toBe(query.title);
      },
    );
    eachCase<ArtworkEntry, ArtworkEntry['artwork']>(
      'works-of-art',
      'title_catalogue_order',
      artwork,
      (query, { artwork: work }) => {
        expect(query.title).toContain(', ');
        const words = (title: string) =>
          looseText(title)
            .split(' ')
            .filter((word) => !['of', 'with', 'in', 'at', 'near', 'a', 'an', 'the'].includes(word))
            .sort();
        expect(words(query.title)).toEqual(words(work.title));
      },
    );
    eachCase<ArtworkEntry, ArtworkEntry['artwork']>(
      'works-of-art',
      'maker_family_only',
      artwork,
      (query, { artwork: work }) => {
        expect(work.maker!.endsWith(` ${query.maker}`)).toBe(true);
        expect(query.title).toBe(work.title);
      },
    );
  });

  it('hard negatives: another title by the same maker, or the same title by another, neither of them reported', () => {
    eachCase<ArtworkEntry, ArtworkEntry['artwork']>(
      'works-of-art',
      'same_maker_other_title',
      artwork,
      (query, { artwork: work }) => {
        expect([query.maker, query.objectType]).toEqual([work.maker, work.objectType]);
        expect(looseText(query.title)).not.toBe(looseText(work.title));
        expect(works.has(`${looseText(query.title)}|${looseText(query.maker!)}`)).toBe(false);
      },
    );
    eachCase<ArtworkEntry, ArtworkEntry['artwork']>(
      'works-of-art',
      'same_title_other_maker',
      artwork,
      (query, { artwork: work }) => {
        expect([query.title, query.objectType]).toEqual([work.title, work.objectType]);
        expect(query.maker).not.toBe(work.maker);
        expect(works.has(`${looseText(query.title)}|${looseText(query.maker!)}`)).toBe(false);
      },
    );
  });
});
