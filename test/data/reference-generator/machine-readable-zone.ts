/**
 * The two lines of a passport's machine-readable zone (ICAO 9303 Part 4,
 * TD3), as a border scanner reads them, with every check digit computed by
 * @crosscheck/resolution's icaoCheckDigit: what a query made by scanning a
 * reported passport carries.
 */
import { icaoCheckDigit } from '../../../libs/resolution/src/identifiers/document-number';

export interface PassportHolder {
  issuingCountry: string;
  /** At most 9 letters and digits: a TD3 line has no room for a longer one. */
  number: string;
  surname: string;
  givenNames: string;
  nationality: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  sex: 'male' | 'female';
  /** YYYY-MM-DD. */
  expiresOn: string;
}

const LINE = 44;
/** ICAO codes that are not the ISO 3166-1 alpha-3 code: Germany is `D`. */
const MRZ_COUNTRY: Record<string, string> = { DEU: 'D<<' };

/** The document number as the MRZ writes it: 9 characters, filled with `<`. */
export function mrzNumberField(number: string): string {
  if (!/^[A-Z0-9]{1,9}$/.test(number))
    throw new RangeError(`mrzNumberField: "${number}" is not 1 to 9 letters and digits`);
  return number.padEnd(9, '<');
}

export function passportMrz(holder: PassportHolder): string {
  const name = `${mrzText(holder.surname)}<<${mrzText(holder.givenNames)}`.slice(0, LINE - 5).padEnd(LINE - 5, '<');
  const line1 = `P<${mrzCountry(holder.issuingCountry)}${name}`;
  const number = mrzNumberField(holder.number);
  const birth = yymmdd(holder.dateOfBirth);
  const expiry = yymmdd(holder.expiresOn);
  const personalNumber = '<'.repeat(14);
  const head = `${number}${icaoCheckDigit(number)}${mrzCountry(holder.nationality)}${birth}${icaoCheckDigit(birth)}${holder.sex === 'male' ? 'M' : 'F'}${expiry}${icaoCheckDigit(expiry)}`;
  // An empty personal number carries a filler for its check digit.
  const body = `${head}${personalNumber}<`;
  const composite = icaoCheckDigit(`${body.slice(0, 10)}${body.slice(13, 20)}${body.slice(21, 43)}`);
  return `${line1}\n${body}${composite}`;
}

function mrzCountry(code: string): string {
  return MRZ_COUNTRY[code] ?? code;
}

/**
 * A name as the MRZ writes it (ICAO 9303 Part 3 transliteration, simplified):
 * upper case A-Z, accents dropped, ß as SS, spaces and hyphens as `<`,
 * apostrophes left out.
 */
export function mrzText(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/'/g, '')
    .replace(/[^A-Z]+/g, '<');
}

function yymmdd(date: string): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
}
