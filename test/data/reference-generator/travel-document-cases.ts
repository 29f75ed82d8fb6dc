/**
 * Queries made of SLTD entries: travel_document records whose number is
 * written otherwise (separators, lower case, a 0 read as O, the MRZ's filled
 * field with the scanned zone beside it), and person records carrying the
 * reported document (the holder, or someone travelling on it). Hard negatives:
 * a number one digit away, the same number of another country, and a person
 * carrying a document one digit away from a reported one.
 */
import { foldOcrConfusions, normalizeDocumentNumber } from '../../../libs/resolution/src/identifiers';
import { CULTURES } from '../generator/cultures';
import { drawPerson, PersonFacts } from '../generator/person-facts';
import { familyText, givenText } from '../generator/person-record';
import { Prng } from '../generator/prng';
import { CaseMaker, MadeQuery, personQuery } from './case-maker';
import { lowercased, misread, oneDigitChanged, otherSeparators } from './identifier-slips';
import { mrzNumberField, passportMrz } from './machine-readable-zone';
import { NoticeNames } from './notice-cases';
import { nameKeyOf } from './notices';
import { TravelDocumentJson } from './reference-entries';
import { DrawnTravelDocument, holderCountries } from './travel-documents';

export const TRAVEL_DOCUMENT_MATCHES = [
  'exact',
  'separators',
  'lowercase',
  'ocr_confusion',
  'mrz_scan',
  'person_with_document',
] as const;
export const TRAVEL_DOCUMENT_HARD_NEGATIVES = [
  'near_miss_number',
  'same_number_other_country',
  'person_with_near_miss_document',
] as const;
export type TravelDocumentVariant =
  (typeof TRAVEL_DOCUMENT_MATCHES)[number] | (typeof TRAVEL_DOCUMENT_HARD_NEGATIVES)[number];

const CULTURE_WEIGHTS = CULTURES.map((culture) => [culture, culture.weight] as const);
const COUNTRIES = holderCountries();

/** Where a document is known: its issuing country and its number with misreadings folded. */
function documentKey(issuingCountry: string, number: string): string {
  return `${issuingCountry}|${foldOcrConfusions(normalizeDocumentNumber(number))}`;
}

export function travelDocumentCases(
  documents: readonly DrawnTravelDocument[],
  noticeNames: NoticeNames,
): CaseMaker<TravelDocumentVariant> {
  const counts = new Map<string, number>();
  for (const { entry } of documents) {
    const key = documentKey(entry.travelDocument.issuingCountry, entry.travelDocument.number);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const known = (issuingCountry: string, number: string) => counts.has(documentKey(issuingCountry, number));
  const targets = documents.filter(
    ({ entry }) => counts.get(documentKey(entry.travelDocument.issuingCountry, entry.travelDocument.number)) === 1,
  );

  /** A person with the document: its holder when known, or someone else travelling on it; never a namesake of a notice. */
  const bearer = (rng: Prng, target: DrawnTravelDocument): PersonFacts | undefined => {
    const person = target.holder && rng.chance(0.6) ? target.holder : drawPerson(rng, rng.weighted(CULTURE_WEIGHTS));
    return noticeNames.count(nameKeyOf(person)) === 0 ? person : undefined;
  };
  const carrying = (person: PersonFacts, document: TravelDocumentJson, number: string): MadeQuery => {
    const { body, script } = personQuery(person);
    if (body.kind !== 'person') throw new Error('personQuery made no person');
    const type = document.type === 'id_card' ? 'id_card' : 'passport';
    return {
      body: {
        kind: 'person',
        person: { ...body.person, documents: [{ number, type, issuingCountry: document.issuingCountry }] },
      },
      script,
    };
  };

  const make = (variant: TravelDocumentVariant, rng: Prng, target: DrawnTravelDocument): MadeQuery | undefined => {
    const document = target.entry.travelDocument;
    const { number, issuingCountry } = document;
    const reported = (written: string | undefined, other: Partial<TravelDocumentJson> = {}): MadeQuery | undefined => {
      if (written === undefined) return undefined;
      const travelDocument: TravelDocumentJson = {
        number: written,
        type: document.type,
        issuingCountry,
        status: rng.pick(['stolen', 'lost'] as const),
        ...other,
      };
      if (document.holderName && rng.chance(0.5)) travelDocument.holderName = document.holderName;
      return { body: { kind: 'travel_document', travelDocument } };
    };
    switch (variant) {
      case 'exact':
        return reported(number);
      case 'separators':
        return reported(otherSeparators(rng, number));
      case 'lowercase':
        return reported(lowercased(number));
      case 'ocr_confusion':
        return reported(misread(rng, number));
      case 'mrz_scan':
        return mrzScan(target, reported);
      case 'person_with_document': {
        if (document.type !== 'passport' && document.type !== 'id_card') return undefined;
        const person = bearer(rng, target);
        return person && carrying(person, document, rng.chance(0.5) ? number : otherSeparators(rng, number));
      }
      case 'near_miss_number': {
        const near = oneDigitChanged(rng, number);
        return near && !known(issuingCountry, near) ? reported(near) : undefined;
      }
      case 'same_number_other_country': {
        const other = rng.pick(COUNTRIES.filter((country) => country !== issuingCountry));
        return known(other, number) ? undefined : reported(number, { issuingCountry: other });
      }
      case 'person_with_near_miss_document': {
        if (document.type !== 'passport' && document.type !== 'id_card') return undefined;
        const near = oneDigitChanged(rng, number);
        const person = bearer(rng, target);
        return near && person && !known(issuingCountry, near) ? carrying(person, document, near) : undefined;
      }
    }
  };

  return {
    dataset: 'sltd',
    matches: TRAVEL_DOCUMENT_MATCHES,
    hardNegatives: TRAVEL_DOCUMENT_HARD_NEGATIVES,
    targetCount: targets.length,
    entryIdOf: (target) => targets[target].entry.entryId,
    make: (variant, rng, target) => make(variant, rng, targets[target]),
  };
}

/**
 * A reported passport as a scanner reads it at the border: the number as the
 * MRZ's field writes it (filled to 9 with `<`), and the whole zone, of the
 * holder's name, birth and sex and the document's expiry.
 */
function mrzScan(
  target: DrawnTravelDocument,
  reported: (written: string, other: Partial<TravelDocumentJson>) => MadeQuery | undefined,
): MadeQuery | undefined {
  const { holder } = target;
  const document = target.entry.travelDocument;
  if (
    document.type !== 'passport' ||
    !holder?.dateOfBirth ||
    !document.expiresOn ||
    !/^[A-Z0-9]{1,9}$/.test(document.number)
  )
    return undefined;
  const mrz = passportMrz({
    issuingCountry: document.issuingCountry,
    number: document.number,
    surname: familyText(holder.name, 'latin'),
    givenNames: givenText(holder.name, 'latin'),
    nationality: holder.nationalities[0],
    dateOfBirth: holder.dateOfBirth,
    sex: holder.sex,
    expiresOn: document.expiresOn,
  });
  return reported(mrzNumberField(document.number), { mrz });
}
