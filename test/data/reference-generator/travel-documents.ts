/**
 * SLTD: stolen, lost, revoked and invalid travel documents. Each is drawn
 * around a holder of the person generator's cultures, so its number has the
 * shape of the holder's country's passports or identity cards
 * (test/data/generator/identity-documents.ts); visas and residence permits are
 * issued by the countries people travel to. Stolen blanks have no holder.
 */
import { CULTURES } from '../generator/cultures';
import { documentNumber, drawDocuments, IdentityDocument } from '../generator/identity-documents';
import { daysInMonth, drawPerson, pad, PersonFacts } from '../generator/person-facts';
import { fullText } from '../generator/person-record';
import { Prng, streamSeed } from '../generator/prng';
import { runningNumber, SltdEntry, TravelDocumentJson } from './reference-entries';

export interface DrawnTravelDocument {
  entry: SltdEntry;
  /** Whom the document was issued to; absent for a stolen blank. */
  holder?: PersonFacts;
}

type DocumentType = TravelDocumentJson['type'];
type DocumentStatus = TravelDocumentJson['status'];

const TYPE_WEIGHTS: readonly (readonly [DocumentType, number])[] = [
  ['passport', 68],
  ['id_card', 27],
  ['residence_permit', 3],
  ['visa', 2],
];

/** Most reports are of documents stolen or lost; revocations and blanks stolen from issuers are rarer. */
const STATUS_WEIGHTS: readonly (readonly [DocumentStatus, number])[] = [
  ['stolen', 46],
  ['lost', 40],
  ['revoked', 6],
  ['stolen_blank', 5],
  ['invalid', 3],
];

/** Countries that issue visas and residence permits, with the shape of their numbers (see documentNumber). */
const DESTINATIONS: readonly (readonly [string, { visa: string; residencePermit: string }, number])[] = [
  ['FRA', { visa: 'FRA#########', residencePermit: '##@@#####' }, 5],
  ['DEU', { visa: 'D#########', residencePermit: 'Y********' }, 5],
  ['ESP', { visa: 'ESP#########', residencePermit: 'E########' }, 3],
  ['NLD', { visa: 'NLD#########', residencePermit: '@@*******' }, 2],
  ['BEL', { visa: 'BEL#########', residencePermit: 'B#######' }, 1],
  ['AUT', { visa: 'AUT#########', residencePermit: '#######' }, 1],
  ['CHE', { visa: 'CHE#########', residencePermit: '@#######' }, 1],
  ['POL', { visa: 'POL#########', residencePermit: '@@#######' }, 1],
  ['GBR', { visa: '@@@#######', residencePermit: '@@#######' }, 3],
  ['USA', { visa: '########', residencePermit: '@@@##########' }, 3],
  ['CAN', { visa: '@@#######', residencePermit: '@@#######' }, 1],
];

/** Years a document of each type runs from its issue. */
const VALIDITY_YEARS: Record<DocumentType, readonly number[]> = {
  passport: [10, 10, 10, 5],
  id_card: [10, 10, 15, 5],
  residence_permit: [1, 2, 5, 10],
  visa: [1, 1, 2, 5],
  driving_licence: [10, 15],
  other: [5],
};

const DESTINATION_WEIGHTS = DESTINATIONS.map(([code, shapes, weight]) => [[code, shapes] as const, weight] as const);
const CULTURE_WEIGHTS = CULTURES.map((culture) => [culture, culture.weight] as const);

export function drawTravelDocument(seed: number, index: number): DrawnTravelDocument {
  const rng = new Prng(streamSeed(seed, 'sltd', index));
  const holder = drawPerson(rng, rng.weighted(CULTURE_WEIGHTS));
  let type = rng.weighted(TYPE_WEIGHTS);
  let issuingCountry: string;
  let number: string;
  if (type === 'passport' || type === 'id_card') {
    const issued = ownDocument(rng, holder, type);
    ({ type, issuingCountry, number } = issued);
  } else {
    // A visa or permit is issued by a country the holder travels to, not their own.
    const destinations = DESTINATION_WEIGHTS.filter(([[code]]) => code !== holder.nationalities[0]);
    const [country, shapes] = rng.weighted(destinations);
    issuingCountry = country;
    number = documentNumber(rng, type === 'visa' ? shapes.visa : shapes.residencePermit);
  }
  const status = rng.weighted(STATUS_WEIGHTS);
  const travelDocument: TravelDocumentJson = { number, type, issuingCountry, status };
  if (status === 'stolen_blank') return { entry: { entryId: `SLTD-${runningNumber(index)}`, travelDocument } };

  if (rng.chance(0.85)) travelDocument.holderName = fullText(holder.name, holder.culture, 'latin', 'usual');
  const issuedOn = { year: rng.int(2012, 2025), month: rng.int(1, 12), day: 1 };
  issuedOn.day = rng.int(1, daysInMonth(issuedOn.year, issuedOn.month));
  travelDocument.issuedOn = `${issuedOn.year}-${pad(issuedOn.month)}-${pad(issuedOn.day)}`;
  travelDocument.expiresOn = dayBefore(issuedOn.year + rng.pick(VALIDITY_YEARS[type]), issuedOn.month, issuedOn.day);
  return { entry: { entryId: `SLTD-${runningNumber(index)}`, travelDocument }, holder };
}

/**
 * A passport or identity card of the holder's country. The person generator
 * draws a person's documents (a passport more often than not, a card where the
 * country issues them); it is asked again until one of the wanted type comes,
 * or a passport is taken where the country issues no cards.
 */
function ownDocument(rng: Prng, holder: PersonFacts, type: 'passport' | 'id_card'): IdentityDocument {
  const country = holder.nationalities[0];
  let documents = holder.documents;
  for (let attempt = 0; attempt < 12; attempt++) {
    const wanted = documents.find((document) => document.type === type);
    if (wanted) return wanted;
    documents = drawDocuments(rng, country);
  }
  return ownDocument(rng, holder, 'passport');
}

/** The day before the same date `year`: a document issued on 2019-05-02 for ten years runs to 2029-05-01. */
function dayBefore(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day - 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Countries whose holders' documents the dataset holds: every nationality of the person generator's cultures. */
export function holderCountries(): string[] {
  return [...new Set(CULTURES.flatMap((culture) => culture.countries.map(([country]) => country)))];
}
