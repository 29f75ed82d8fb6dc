import { calibreOf, checkVin, normalizeDocumentNumber, normalizeSerialNumber } from '@crosscheck/resolution';
import { CULTURES } from '../generator/cultures';
import { generateReferenceData, referenceEntries } from './generate-reference';
import { NOTICE_COLOURS, REFERENCE_DATASETS } from './reference-entries';
import { modelYearOf, VEHICLE_MODELS } from './vehicles';

const OPTIONS = { seed: 20261122, notices: 3000, sltd: 5000, smv: 2000, firearms: 500, artworks: 300 };
const data = generateReferenceData(OPTIONS);
const share = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length / items.length;
const distinct = <T>(items: readonly T[]) => new Set(items).size;
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9 ./<-]*$/;

describe('generateReferenceData', () => {
  it('gives the same entries, byte for byte, for the same seed, and others for another seed', () => {
    expect(JSON.stringify(generateReferenceData(OPTIONS))).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateReferenceData({ ...OPTIONS, seed: OPTIONS.seed + 1 }).sltd)).not.toBe(
      JSON.stringify(data.sltd),
    );
  });

  it('draws entry n the same whatever the number of entries around it, so a larger set starts with a smaller one', () => {
    const fewer = generateReferenceData({
      seed: OPTIONS.seed,
      notices: 100,
      sltd: 100,
      smv: 100,
      firearms: 100,
      artworks: 100,
    });
    for (const dataset of REFERENCE_DATASETS) expect(fewer[dataset]).toEqual(data[dataset].slice(0, 100));
    expect([...referenceEntries('smv', OPTIONS.seed, 5)]).toEqual(data.smv.slice(0, 5));
  });

  it('makes as many entries as asked, with ids unique across every dataset', () => {
    expect(REFERENCE_DATASETS.map((dataset) => data[dataset].length)).toEqual([3000, 5000, 2000, 500, 300]);
    const ids = REFERENCE_DATASETS.flatMap((dataset) => data[dataset].map((entry) => entry.entryId));
    expect(distinct(ids)).toBe(ids.length);
    expect(data.sltd[0].entryId).toBe('SLTD-000000001');
  });

  it('refuses a seed or a count that is not a whole number in range', () => {
    expect(() => generateReferenceData({ seed: -1 })).toThrow(/seed must be an integer/);
    expect(() => generateReferenceData({ seed: 1, smv: 2.5 })).toThrow(/smv must be a whole number/);
  });
});

describe('notices', () => {
  const notices = data.notices;

  it('come in every colour, mostly red, and only red ones carry charges', () => {
    expect(new Set(notices.map((notice) => notice.colour))).toEqual(new Set(NOTICE_COLOURS));
    expect(share(notices, (notice) => notice.colour === 'red')).toBeGreaterThan(0.3);
    expect(notices.every((notice) => (notice.colour === 'red') === (notice.charges !== undefined))).toBe(true);
    expect(
      notices.every(
        (notice) =>
          /^(RN|YN|BN|KN|GN|ON|PN|SN|UN)-20\d\d-\d{7}$/.test(notice.entryId) &&
          /^A-\d+\/\d+-20\d\d$/.test(notice.noticeRef),
      ),
    ).toBe(true);
  });

  it('are of every culture, with names in their own scripts as well as in Latin', () => {
    const scripts = new Set(
      notices.flatMap((notice) => notice.subject.names.map((name) => name.script).filter(Boolean)),
    );
    expect(scripts).toEqual(new Set(CULTURES.map((culture) => culture.script).filter((script) => script !== 'Latn')));
    const nationalities = new Set(notices.flatMap((notice) => notice.subject.nationalities ?? []));
    expect(nationalities.size).toBeGreaterThan(30);
  });

  it('often know the date of birth only to the month or year, or not at all, and a black notice only to the year', () => {
    const precision = (dob: string | undefined) =>
      dob === undefined ? 'none' : ({ 4: 'year', 7: 'month', 10: 'day' } as Record<number, string>)[dob.length];
    const counts = new Map<string, number>();
    for (const notice of notices)
      counts.set(precision(notice.subject.dateOfBirth), (counts.get(precision(notice.subject.dateOfBirth)) ?? 0) + 1);
    expect(counts.get('day')! / notices.length).toBeGreaterThan(0.7);
    for (const kind of ['year', 'month', 'none']) expect(counts.get(kind)).toBeGreaterThan(20);
    expect(
      notices
        .filter((notice) => notice.colour === 'black')
        .every((notice) => notice.subject.dateOfBirth?.length === 4 && !notice.subject.documents),
    ).toBe(true);
  });

  it('list aliases after the name, flagged, more often on red and UN notices', () => {
    const withAliases = (colour: string) =>
      share(
        notices.filter((notice) => notice.colour === colour),
        (notice) => notice.subject.names.some((name) => name.alias),
      );
    expect(withAliases('red')).toBeGreaterThan(0.2);
    expect(withAliases('un')).toBeGreaterThan(withAliases('red'));
    expect(notices.every((notice) => !notice.subject.names[0].alias)).toBe(true);
    expect(
      notices.some((notice) => notice.subject.names.some((name) => name.alias && name.full?.startsWith('Abu '))),
    ).toBe(true);
  });

  it('carry passports and identity cards for some subjects', () => {
    const documents = notices.flatMap((notice) => notice.subject.documents ?? []);
    expect(share(notices, (notice) => (notice.subject.documents?.length ?? 0) > 0)).toBeGreaterThan(0.4);
    expect(new Set(documents.map((document) => document.type))).toEqual(new Set(['passport', 'id_card']));
  });
});

describe('SLTD', () => {
  const documents = data.sltd.map((entry) => entry.travelDocument);

  it('are mostly stolen or lost, of every status, mostly passports, of many countries', () => {
    expect(share(documents, (document) => document.status === 'stolen' || document.status === 'lost')).toBeGreaterThan(
      0.8,
    );
    expect(new Set(documents.map((document) => document.status))).toEqual(
      new Set(['stolen', 'lost', 'revoked', 'invalid', 'stolen_blank']),
    );
    expect(new Set(documents.map((document) => document.type))).toEqual(
      new Set(['passport', 'id_card', 'visa', 'residence_permit']),
    );
    expect(share(documents, (document) => document.type === 'passport')).toBeGreaterThan(0.6);
    expect(distinct(documents.map((document) => document.issuingCountry))).toBeGreaterThan(35);
  });

  it("have numbers of the issuing country's shape, written plain, mostly distinct", () => {
    expect(documents.every((document) => /^[A-Z0-9]{6,18}$/.test(document.number))).toBe(true);
    expect(
      documents
        .filter((document) => document.issuingCountry === 'ESP' && document.type === 'id_card')
        .every((document) => /^\d{8}[A-Z]$/.test(document.number)),
    ).toBe(true);
    expect(
      documents
        .filter((document) => document.type === 'visa' && document.issuingCountry === 'FRA')
        .every((document) => /^FRA\d{9}$/.test(document.number)),
    ).toBe(true);
    expect(
      distinct(documents.map((document) => `${document.issuingCountry}|${normalizeDocumentNumber(document.number)}`)),
    ).toBeGreaterThan(documents.length * 0.99);
  });

  it('name a holder and dates for issued documents, and none for stolen blanks', () => {
    const blanks = documents.filter((document) => document.status === 'stolen_blank');
    expect(blanks.every((document) => !document.holderName && !document.issuedOn && !document.expiresOn)).toBe(true);
    const issued = documents.filter((document) => document.status !== 'stolen_blank');
    expect(
      issued.every((document) => document.issuedOn! < document.expiresOn! && document.issuedOn! <= '2025-12-31'),
    ).toBe(true);
    expect(share(issued, (document) => document.holderName !== undefined)).toBeGreaterThan(0.75);
    const passports = issued.filter((document) => document.type === 'passport');
    expect(
      passports.every((document) =>
        [5, 10].map((years) => runsTo(document.issuedOn!, years)).includes(document.expiresOn!),
      ),
    ).toBe(true);
  });
});

/** The last day of a validity of whole years from the issue date: issued 2019-05-02 for 10 years, valid to 2029-05-01. */
function runsTo(issuedOn: string, years: number): string {
  const [year, month, day] = issuedOn.split('-').map(Number);
  return new Date(Date.UTC(year + years, month - 1, day - 1)).toISOString().slice(0, 10);
}

describe('SMV', () => {
  const vehicles = data.smv.map((entry) => entry.vehicle);

  it('have valid VINs: 17 characters without I, O or Q, the model year in position 10, and a right check digit on every North American one', () => {
    for (const vehicle of vehicles) {
      const check = checkVin(vehicle.vin);
      expect({ vin: vehicle.vin, valid: check.valid }).toEqual({ vin: vehicle.vin, valid: true });
      expect(vehicle.vin).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
      expect(modelYearOf(vehicle.vin, 2025)).toBe(vehicle.year);
      if (/^[1-5]/.test(vehicle.vin)) expect(check.checkDigit).toBe('ok');
    }
    const northAmerican = vehicles.filter((vehicle) => /^[1-5]/.test(vehicle.vin));
    expect(northAmerican.length).toBeGreaterThan(200);
    expect(distinct(vehicles.map((vehicle) => vehicle.vin))).toBe(vehicles.length);
  });

  it("are real makes and models whose VINs begin with the maker's WMI", () => {
    expect(distinct(vehicles.map((vehicle) => vehicle.make))).toBeGreaterThan(30);
    for (const vehicle of vehicles) {
      const model = VEHICLE_MODELS.find(
        (candidate) => candidate.make === vehicle.make && candidate.model === vehicle.model,
      )!;
      expect(model.wmis).toContain(vehicle.vin.slice(0, 3));
      expect(vehicle.year).toBeGreaterThanOrEqual(model.years[0]);
      expect(vehicle.year).toBeLessThanOrEqual(model.years[1]);
    }
  });

  it('carry a plate in the style of the registration country', () => {
    expect(
      vehicles.every(
        (vehicle) =>
          vehicle.registrationCountry && vehicle.plate && IDENTIFIER.test(vehicle.plate) && vehicle.plate.length <= 20,
      ),
    ).toBe(true);
    const plates = (country: string) =>
      vehicles.filter((vehicle) => vehicle.registrationCountry === country).map((vehicle) => vehicle.plate!);
    expect(plates('FRA').every((plate) => /^[A-Z]{2}-\d{3}-[A-Z]{2}$/.test(plate))).toBe(true);
    expect(plates('DEU').every((plate) => /^[A-Z]{1,3}-[A-Z]{1,2} [1-9]\d{0,3}$/.test(plate))).toBe(true);
    expect(plates('GBR').every((plate) => /^[A-Z]{2}\d{2} [A-Z]{3}$/.test(plate))).toBe(true);
    expect(plates('ESP').every((plate) => /^\d{4} [B-DF-HJ-NP-TV-Z]{3}$/.test(plate))).toBe(true);
    expect(distinct(vehicles.map((vehicle) => vehicle.registrationCountry))).toBeGreaterThan(15);
  });
});

describe('firearms', () => {
  const firearms = data.firearms.map((entry) => entry.firearm);

  it('are real makes and models with a calibre and a type, and serials an identifier may hold', () => {
    expect(distinct(firearms.map((firearm) => firearm.make))).toBeGreaterThan(20);
    expect(new Set(firearms.map((firearm) => firearm.type))).toEqual(
      new Set(['pistol', 'revolver', 'rifle', 'assault rifle', 'shotgun', 'submachine gun']),
    );
    expect(
      firearms.every((firearm) => calibreOf(firearm.calibre!) !== '' && IDENTIFIER.test(firearm.serialNumber)),
    ).toBe(true);
    expect(distinct(firearms.map((firearm) => `${firearm.make}|${normalizeSerialNumber(firearm.serialNumber)}`))).toBe(
      firearms.length,
    );
    expect(
      firearms
        .filter((firearm) => firearm.make === 'Glock')
        .every((firearm) => /^[A-Z]{3,4}\d{3}$/.test(firearm.serialNumber)),
    ).toBe(true);
  });
});

describe('works of art', () => {
  const artworks = data['works-of-art'].map((entry) => entry.artwork);

  it('are of many object types, mostly paintings, with titles that mostly tell them apart', () => {
    expect(distinct(artworks.map((artwork) => artwork.objectType))).toBeGreaterThanOrEqual(9);
    expect(share(artworks, (artwork) => artwork.objectType === 'painting')).toBeGreaterThan(0.3);
    expect(distinct(artworks.map((artwork) => artwork.title))).toBeGreaterThan(artworks.length * 0.6);
  });

  it('name a maker for most, anonymous or "circle of" for some, none for antiquities', () => {
    expect(share(artworks, (artwork) => artwork.maker !== undefined)).toBeGreaterThan(0.6);
    expect(
      artworks.some((artwork) => /^(circle|workshop|follower) of |^attributed to /.test(artwork.maker ?? '')),
    ).toBe(true);
    expect(
      artworks
        .filter((artwork) => artwork.objectType === 'archaeological object')
        .every((artwork) => artwork.maker === undefined || artwork.maker === 'Unknown'),
    ).toBe(true);
    expect(
      artworks.every((artwork) => artwork.period && artwork.materials && artwork.dimensions && artwork.description),
    ).toBe(true);
  });
});
