/**
 * Travel documents reported for their status (stolen, lost, revoked...): the
 * document is its number, issuing country and type; the holder (name, and from
 * the MRZ date of birth and sex) is supporting evidence. Fields the record
 * leaves empty are read from the MRZ when it has one.
 *
 * Calibration: a number that differs is a different document whatever else
 * agrees, and one character apart is weak evidence (the next blank of a
 * stolen series differs by one); the same number from another issuing country is one too (numbers
 * collide across countries). The same number, type and issuing country is the
 * reported document whoever carries it: a stolen passport presented by someone
 * else is the case to catch, so the holder's name disagreeing lowers the score
 * but not under a hit (SAME_DOCUMENT_FLOOR). Only the number as written counts
 * for that, not one that merely reads alike under OCR.
 */
import type { TravelDocument } from '@crosscheck/contracts';
import type { ContractLike } from './contract-like';
import { compareBirthDates, PartialDate, partialDateOf } from '../dates';
import { feature, FeatureEvidence, pairScore, PairScore, weightByDisagreement } from '../evidence';
import { parseMrz } from '../identifiers';
import { compareNames, NameForm, nameFormOf, nameFormOfParts } from '../names';
import {
  compareDocuments,
  describeDocument,
  DocumentFacts,
  documentFactsOf,
  DocumentTypeName,
  NUMBER_AGREEMENT_DETAIL,
} from './identity-document';
import { PersonSex, uniqueForms } from './person';

/** A crosscheck.records.v1.TravelDocument, as resolution reads it (contract-like.ts). */
export type TravelDocumentLike = ContractLike<TravelDocument>;

/** What resolution compares of a travel document. JSON-serialisable. */
export interface TravelDocumentFacts {
  document: DocumentFacts;
  /** The holder's name as printed and as the MRZ gives it; empty for blank documents. */
  holderNames: NameForm[];
  holderDateOfBirth?: PartialDate;
  holderSex?: PersonSex;
  expiresOn?: PartialDate;
}

/** MRZ document codes by their first letter (ICAO 9303: P passport, I/A/C identity cards, V visa). */
const MRZ_DOCUMENT_TYPES: Record<string, DocumentTypeName> = {
  P: 'passport',
  I: 'id_card',
  A: 'id_card',
  C: 'id_card',
  V: 'visa',
};

export function travelDocumentFactsOf(travelDocument: TravelDocumentLike): TravelDocumentFacts {
  const given = travelDocument.document;
  const mrz = travelDocument.mrz?.trim() ? parseMrz(travelDocument.mrz) : undefined;
  const read = mrz?.format ? mrz : undefined;
  const document = documentFactsOf({
    number: given?.numberNormalized || given?.number || read?.documentNumber || '',
    type: given?.type,
    issuingCountry: given?.issuingCountry || read?.issuingCountry,
  });
  if (!document.type && read?.documentType) document.type = MRZ_DOCUMENT_TYPES[read.documentType[0]] ?? 'other';
  const holderNames: NameForm[] = [];
  if (travelDocument.holderName?.trim()) holderNames.push(nameFormOf(travelDocument.holderName));
  if (read?.surname || read?.givenNames) holderNames.push(nameFormOfParts(read.givenNames ?? '', read.surname ?? ''));
  const facts: TravelDocumentFacts = { document, holderNames: uniqueForms(holderNames) };
  if (read?.dateOfBirth?.year) facts.holderDateOfBirth = read.dateOfBirth;
  if (read?.sex === 'male' || read?.sex === 'female') facts.holderSex = read.sex;
  const expiresOn = partialDateOf(travelDocument.expiresOn) ?? read?.expiryDate;
  if (expiresOn?.year) facts.expiresOn = expiresOn;
  return facts;
}

const NUMBER_AGREES = 1;
const NUMBER_DIFFERS = 1.5;
/** One character apart is weak: a typo, or the next document of a batch (blanks are stolen in series). */
const NUMBER_SCORES = { same: 1, 'ocr-variant': 0.95, 'one-edit': 0.5, different: 0 } as const;
const COUNTRY_AGREES = 0.2;
const COUNTRY_DIFFERS = 1;
const TYPE_AGREES = 0.05;
const TYPE_DIFFERS = 0.15;
const HOLDER_NAME = 0.3;
const HOLDER_NAME_WHEN_DIFFERENT = 0.5;
/** The holder's date of birth counts less than for a person: the document is the subject, not the holder. */
const HOLDER_DATE_SHARE = 0.6;
const HOLDER_SEX_DIFFERS = 0.2;
const EXPIRY = 0.1;
/** The least the same number, type and country score, whatever the holder's name. */
const SAME_DOCUMENT_FLOOR = 0.86;

export function scoreTravelDocuments(a: TravelDocumentFacts, b: TravelDocumentFacts): PairScore {
  const features: FeatureEvidence[] = [];
  const comparison = compareDocuments(a.document, b.document);
  if (a.document.number && b.document.number) {
    const differs = comparison.number === 'different';
    const detail = `${NUMBER_AGREEMENT_DETAIL[comparison.number]}: ${a.document.number} vs ${b.document.number}`;
    features.push(
      feature('document_number', NUMBER_SCORES[comparison.number], differs ? NUMBER_DIFFERS : NUMBER_AGREES, detail),
    );
  }
  if (comparison.sameCountry !== undefined) {
    features.push(
      comparison.sameCountry
        ? feature('issuing_country', 1, COUNTRY_AGREES, `both issued by ${a.document.country}`)
        : feature('issuing_country', 0, COUNTRY_DIFFERS, `issued by ${a.document.country} vs ${b.document.country}`),
    );
  }
  if (comparison.sameType !== undefined) {
    features.push(
      comparison.sameType
        ? feature('document_type', 1, TYPE_AGREES, `both ${a.document.type.replace('_', ' ')}`)
        : feature(
            'document_type',
            0.3,
            TYPE_DIFFERS,
            `${describeDocument(a.document)} is a ${a.document.type.replace('_', ' ')}, the other a ${b.document.type.replace('_', ' ')}`,
          ),
    );
  }
  const holder = compareNames(a.holderNames, b.holderNames);
  if (holder)
    features.push(
      feature(
        'holder_name',
        holder.score,
        weightByDisagreement(holder.score, HOLDER_NAME, HOLDER_NAME_WHEN_DIFFERENT),
        holder.detail,
      ),
    );
  const birth = compareBirthDates(a.holderDateOfBirth, b.holderDateOfBirth);
  if (birth)
    features.push(feature('holder_date_of_birth', birth.score, birth.weight * HOLDER_DATE_SHARE, birth.detail));
  if (a.holderSex && b.holderSex && a.holderSex !== b.holderSex)
    features.push(feature('holder_sex', 0, HOLDER_SEX_DIFFERS, `${a.holderSex} vs ${b.holderSex}`));
  const expiry = expiryEvidence(a.expiresOn, b.expiresOn);
  if (expiry) features.push(expiry);
  const result = pairScore(features);
  const sameDocument = comparison.number === 'same' && comparison.sameCountry === true && comparison.sameType !== false;
  if (sameDocument && result.score < SAME_DOCUMENT_FLOOR) {
    features.push(
      feature(
        'same_document',
        1,
        0,
        `the same ${describeDocument(a.document)}, whoever holds it: at least ${SAME_DOCUMENT_FLOOR}`,
      ),
    );
    return { score: SAME_DOCUMENT_FLOOR, features };
  }
  return result;
}

function expiryEvidence(a: PartialDate | undefined, b: PartialDate | undefined): FeatureEvidence | undefined {
  if (!a?.year || !b?.year || !a.month || !b.month) return undefined;
  const same = a.year === b.year && a.month === b.month && (!a.day || !b.day || a.day === b.day);
  return same
    ? feature('expiry_date', 1, EXPIRY, 'same expiry date')
    : feature('expiry_date', 0.2, EXPIRY, 'another expiry date');
}
