/**
 * Identity documents as persons and travel_document records carry them
 * (number, type, issuing country), normalised for comparison: number without
 * separators and its OCR-folded form, type by name, country upper case.
 */
import type { IdentityDocument } from '@crosscheck/contracts';
import type { ContractLike } from './contract-like';
import { compareIdentifiers, foldOcrConfusions, IdentifierAgreement, normalizeDocumentNumber } from '../identifiers';

/** A crosscheck.common.v1.IdentityDocument, as resolution reads it (contract-like.ts). */
export type IdentityDocumentLike = ContractLike<IdentityDocument>;

export type DocumentTypeName =
  | 'passport'
  | 'id_card'
  | 'visa'
  | 'residence_permit'
  | 'driving_licence'
  | 'other'
  | ''
  // A person's national identifiers, compared as documents are.
  | 'national_id'
  | 'tax_id'
  | 'social_security';

/** By crosscheck.common.v1.DocumentType value. */
const DOCUMENT_TYPES: DocumentTypeName[] = [
  '',
  'passport',
  'id_card',
  'visa',
  'residence_permit',
  'driving_licence',
  'other',
];

export interface DocumentFacts {
  /** Normalised: A-Z and 0-9 only. Empty when unknown. */
  number: string;
  /** The number with OCR confusions folded (see foldOcrConfusions). */
  folded: string;
  type: DocumentTypeName;
  /** ISO 3166-1 alpha-3 (or the ICAO code), upper case; empty when unknown. */
  country: string;
}

/** By crosscheck.records.v1.PersonIdentifierType value. */
export const IDENTIFIER_TYPES_BY_VALUE: DocumentTypeName[] = ['', 'national_id', 'tax_id', 'social_security'];

/** MRZ issuing codes that are not ISO 3166-1 alpha-3. */
const ICAO_TO_ISO: Record<string, string> = { D: 'DEU' };

export function documentTypeName(type: number | undefined): DocumentTypeName {
  return DOCUMENT_TYPES[type ?? 0] ?? 'other';
}

export function countryCode(country: string | undefined): string {
  const code = (country ?? '').trim().toUpperCase();
  return ICAO_TO_ISO[code] ?? code;
}

export function documentFactsOf(document: IdentityDocumentLike): DocumentFacts {
  const number = normalizeDocumentNumber(document.numberNormalized || document.number || '');
  return {
    number,
    folded: foldOcrConfusions(number),
    type: documentTypeName(document.type),
    country: countryCode(document.issuingCountry),
  };
}

export interface DocumentComparison {
  number: IdentifierAgreement;
  /** Undefined when either side does not say. */
  sameCountry?: boolean;
  sameType?: boolean;
}

export function compareDocuments(a: DocumentFacts, b: DocumentFacts): DocumentComparison {
  const comparison: DocumentComparison = { number: compareIdentifiers(a.number, a.folded, b.number, b.folded) };
  if (a.country && b.country) comparison.sameCountry = a.country === b.country;
  if (a.type && b.type) comparison.sameType = a.type === b.type;
  return comparison;
}

/** `UKR passport FA123456`. */
export function describeDocument(document: DocumentFacts): string {
  return [document.country, document.type.replace('_', ' '), document.number].filter(Boolean).join(' ');
}

export const NUMBER_AGREEMENT_DETAIL: Record<IdentifierAgreement, string> = {
  same: 'same number',
  'ocr-variant': 'same number but for OCR confusions (O/0, I/1, S/5, B/8...)',
  'one-edit': 'numbers one character apart',
  different: 'different numbers',
};
