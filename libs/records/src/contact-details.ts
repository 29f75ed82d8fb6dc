/**
 * The normal forms of a person's contact details, compared across records as
 * evidence and as the edges of networks: phone numbers in E.164 (read with
 * libphonenumber-js, a number without `+` needing its country), email
 * addresses trimmed and in lower case, and addresses folded to one comparable
 * line. Pure; the record schema checks with them and the mapper stores them.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { ALPHA2_TO_ALPHA3 } from './iso-countries';

const ALPHA3_TO_ALPHA2 = new Map([...ALPHA2_TO_ALPHA3].map(([alpha2, alpha3]) => [alpha3, alpha2]));

/** `+33 6 12 34 56 78`, or `06 12 34 56 78` in `FRA`, → `+33612345678`; undefined when it is no valid number. */
export function e164Of(number: string, country?: string): string | undefined {
  const region = country ? ALPHA3_TO_ALPHA2.get(country.toUpperCase()) : undefined;
  const parsed = parsePhoneNumberFromString(number, region as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : undefined;
}

/** An address's parts as a record gives them. */
export interface AddressParts {
  street?: string;
  number?: string;
  locality?: string;
  postcode?: string;
  region?: string;
  country?: string;
  text?: string;
}

/** Lower case, accents dropped, every run of other characters one space. */
function fold(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * One comparable line: the structured parts when they place the address (a
 * street with a locality or postcode), else the free text; empty when neither
 * does, so that a bare town or country never links two people.
 */
export function normalizedAddress(address: AddressParts): string {
  const [street, locality, postcode] = [fold(address.street), fold(address.locality), fold(address.postcode)];
  if (street && (locality || postcode))
    return [address.country?.toUpperCase() ?? '', postcode || locality, street, fold(address.number)].join('|');
  const text = fold(address.text);
  return text.split(' ').length >= 3 ? `${address.country?.toUpperCase() ?? ''}|${text}` : '';
}

export function normalizedEmail(address: string): string {
  return address.trim().toLowerCase();
}
