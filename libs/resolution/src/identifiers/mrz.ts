/**
 * Machine readable zones of travel documents (ICAO 9303 Parts 4-7): TD1 cards
 * (3 × 30), TD2 cards (2 × 36), TD3 passports (2 × 44) and MRV-A / MRV-B visas
 * (2 × 44 / 2 × 36), read into the fields a travel_document or person record
 * carries, with every check digit verified.
 *
 * Scanned text is evidence, not trusted input: a bad check digit or a malformed
 * line is reported as a problem naming the field, and the parser never throws,
 * so callers can store a scan with its doubts rather than lose it.
 */
import { PartialDate } from '../dates';
import { icaoCheckDigit, normalizeDocumentNumber } from './document-number';

export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B';
export type MrzSex = 'male' | 'female' | 'unspecified';
export type MrzCheckedField = 'documentNumber' | 'dateOfBirth' | 'expiryDate' | 'optionalData' | 'composite';

export interface MrzCheck {
  field: MrzCheckedField;
  ok: boolean;
  /** The digit computed from the field. */
  expected: number;
  /** The check character printed in the MRZ. */
  actual: string;
}

export interface ParsedMrz {
  /** Absent only when the lines fit no format. */
  format?: MrzFormat;
  /** The document code without fillers: `P`, `PN`, `I`, `ID`, `AC`, `V`... */
  documentType?: string;
  /** ICAO 9303 code, fillers dropped (`UTO`, Germany's `D`); not always ISO 3166 alpha-3. */
  issuingCountry?: string;
  /** Normalised; a TD1/TD2 number longer than 9 characters is rejoined from the optional data. */
  documentNumber?: string;
  /** Month and day 0 when the MRZ gives them as unknown (`<<` or `00`). Absent when unknown or malformed. */
  dateOfBirth?: PartialDate;
  sex?: MrzSex;
  /** Absent when unknown (all fillers) or malformed. */
  expiryDate?: PartialDate;
  nationality?: string;
  surname?: string;
  givenNames?: string;
  /** The optional data elements (a personal number, for one), fillers trimmed, empty ones left out. */
  optionalData?: string[];
  checks: MrzCheck[];
  /** No problems: right shape, right characters, well-formed fields and every check digit agrees. */
  valid: boolean;
  problems: string[];
}

export interface ParseMrzOptions {
  /** The day two-digit years are resolved against; defaults to now. */
  today?: Date;
}

/** A run of characters on one line; `start` is 0-based (ICAO tables count from 1). */
interface Slice {
  line: number;
  start: number;
  length: number;
}

interface Layout {
  format: MrzFormat;
  documentType: Slice;
  issuingCountry: Slice;
  name: Slice;
  documentNumber: Slice;
  documentNumberCheck: Slice;
  nationality: Slice;
  dateOfBirth: Slice;
  dateOfBirthCheck: Slice;
  sex: Slice;
  expiryDate: Slice;
  expiryDateCheck: Slice;
  optionalData: Slice[];
  /** TD3: the personal number's own check digit, over optionalData[0]. */
  optionalDataCheck?: Slice;
  composite?: { check: Slice; covers: Slice[] };
  /**
   * TD1/TD2: the optionalData element (by index) where a document number longer
   * than 9 characters continues (ICAO 9303-5 and 9303-6, note on the document number).
   */
  documentNumberOverflow?: number;
}

const at = (line: number, start: number, length: number): Slice => ({ line, start, length });

/** Lines 2 of TD2, TD3, MRV-A and MRV-B share their first 28 characters. */
const TWO_LINE_COMMON = {
  documentType: at(0, 0, 2),
  issuingCountry: at(0, 2, 3),
  documentNumber: at(1, 0, 9),
  documentNumberCheck: at(1, 9, 1),
  nationality: at(1, 10, 3),
  dateOfBirth: at(1, 13, 6),
  dateOfBirthCheck: at(1, 19, 1),
  sex: at(1, 20, 1),
  expiryDate: at(1, 21, 6),
  expiryDateCheck: at(1, 27, 1),
};

const TD1: Layout = {
  format: 'TD1',
  documentType: at(0, 0, 2),
  issuingCountry: at(0, 2, 3),
  documentNumber: at(0, 5, 9),
  documentNumberCheck: at(0, 14, 1),
  dateOfBirth: at(1, 0, 6),
  dateOfBirthCheck: at(1, 6, 1),
  sex: at(1, 7, 1),
  expiryDate: at(1, 8, 6),
  expiryDateCheck: at(1, 14, 1),
  nationality: at(1, 15, 3),
  optionalData: [at(0, 15, 15), at(1, 18, 11)],
  composite: { check: at(1, 29, 1), covers: [at(0, 5, 25), at(1, 0, 7), at(1, 8, 7), at(1, 18, 11)] },
  documentNumberOverflow: 0,
  name: at(2, 0, 30),
};

const TD2: Layout = {
  format: 'TD2',
  ...TWO_LINE_COMMON,
  name: at(0, 5, 31),
  optionalData: [at(1, 28, 7)],
  composite: { check: at(1, 35, 1), covers: [at(1, 0, 10), at(1, 13, 7), at(1, 21, 14)] },
  documentNumberOverflow: 0,
};

const TD3: Layout = {
  format: 'TD3',
  ...TWO_LINE_COMMON,
  name: at(0, 5, 39),
  optionalData: [at(1, 28, 14)],
  optionalDataCheck: at(1, 42, 1),
  composite: { check: at(1, 43, 1), covers: [at(1, 0, 10), at(1, 13, 7), at(1, 21, 22)] },
};

const MRV_A: Layout = { format: 'MRV-A', ...TWO_LINE_COMMON, name: at(0, 5, 39), optionalData: [at(1, 28, 16)] };
const MRV_B: Layout = { format: 'MRV-B', ...TWO_LINE_COMMON, name: at(0, 5, 31), optionalData: [at(1, 28, 8)] };

const SHAPES = 'TD1 (3 lines of 30), TD2 or MRV-B (2 lines of 36), TD3 or MRV-A (2 lines of 44)';

export function parseMrz(text: string, options: ParseMrzOptions = {}): ParsedMrz {
  if (typeof text !== 'string') return rejected(undefined, ['MRZ must be text']);
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const layout = layoutOf(lines);
  if (!layout) {
    const got =
      lines.length === 0
        ? 'no lines'
        : `${lines.length} line(s) of ${lines.map((line) => line.length).join(', ')} characters`;
    return rejected(undefined, [`expected ${SHAPES}; got ${got}`]);
  }
  const characterProblems = lines.flatMap((line, index) => {
    const bad = /[^A-Z0-9<]/.exec(line);
    return bad
      ? [`line ${index + 1}: character ${JSON.stringify(bad[0])} at position ${bad.index + 1} is not A-Z, 0-9 or <`]
      : [];
  });
  if (characterProblems.length > 0) return rejected(layout.format, characterProblems);
  return readFields(lines, layout, options.today ?? new Date());
}

function layoutOf(lines: string[]): Layout | undefined {
  const lengths = lines.map((line) => line.length).join(',');
  const visa = lines[0]?.startsWith('V') ?? false;
  if (lengths === '30,30,30') return TD1;
  if (lengths === '36,36') return visa ? MRV_B : TD2;
  if (lengths === '44,44') return visa ? MRV_A : TD3;
  return undefined;
}

function rejected(format: MrzFormat | undefined, problems: string[]): ParsedMrz {
  return { format, checks: [], valid: false, problems };
}

function readFields(lines: string[], layout: Layout, today: Date): ParsedMrz {
  const read = (slice: Slice): string => lines[slice.line].slice(slice.start, slice.start + slice.length);
  const problems: string[] = [];
  const checks: MrzCheck[] = [];
  const check = (field: MrzCheckedField, value: string, actual: string): void => {
    const expected = icaoCheckDigit(value);
    const ok = actual === String(expected);
    checks.push({ field, ok, expected, actual });
    if (!ok) problems.push(`${field} check digit ${actual} does not match ${expected}`);
  };

  const documentCode = read(layout.documentType);
  if (!/^[A-Z][A-Z<]$/.test(documentCode)) problems.push(`documentType ${documentCode} must start with a letter`);

  const number = documentNumberOf(read, layout);
  if (number.problem) problems.push(number.problem);
  else check('documentNumber', number.field, number.checkDigit);

  const dateOfBirth = readDate(
    'dateOfBirth',
    read(layout.dateOfBirth),
    (yy, month, day) => birthYear(yy, month, day, today),
    problems,
  );
  check('dateOfBirth', read(layout.dateOfBirth), read(layout.dateOfBirthCheck));
  const expiryDate = readDate('expiryDate', read(layout.expiryDate), (yy) => expiryYear(yy, today), problems);
  check('expiryDate', read(layout.expiryDate), read(layout.expiryDateCheck));

  if (layout.optionalDataCheck) {
    const personalNumber = read(layout.optionalData[0]);
    const digit = read(layout.optionalDataCheck);
    // An unused personal number may carry a filler instead of a check digit (9303 Part 4).
    if (!(digit === '<' && /^<*$/.test(personalNumber))) check('optionalData', personalNumber, digit);
  }
  if (layout.composite) check('composite', layout.composite.covers.map(read).join(''), read(layout.composite.check));

  const sexCode = read(layout.sex);
  const sex = SEX[sexCode];
  if (!sex) problems.push(`sex ${sexCode} must be M, F, X or <`);

  const issuingCountry = readCountry('issuingCountry', read(layout.issuingCountry), problems);
  const nationality = readCountry('nationality', read(layout.nationality), problems);
  const name = read(layout.name);
  if (!/^[A-Z<]+$/.test(name)) problems.push('name must contain only letters A-Z and <');
  const [primary, ...secondary] = name.split('<<');
  const optionalData = (number.rest ?? layout.optionalData.map(read))
    .map(withoutFillers)
    .filter((data) => data.length > 0);

  return {
    format: layout.format,
    documentType: withoutFillers(documentCode),
    issuingCountry,
    documentNumber: number.documentNumber,
    dateOfBirth,
    sex,
    expiryDate,
    nationality,
    surname: nameText(primary),
    givenNames: nameText(secondary.join(' ')),
    optionalData,
    checks,
    valid: problems.length === 0,
    problems,
  };
}

interface DocumentNumberField {
  documentNumber?: string;
  /** The characters the check digit covers. */
  field: string;
  checkDigit: string;
  /** Optional data once an overflowing number has been taken out of it. */
  rest?: string[];
  problem?: string;
}

/**
 * A TD1/TD2 number longer than 9 characters shows its first 9, a filler where the
 * check digit would be, then the rest in the optional data followed by the check
 * digit and a filler: `D23145890<7349<<<` is D23145890734 with check digit 9.
 */
function documentNumberOf(read: (slice: Slice) => string, layout: Layout): DocumentNumberField {
  const principal = read(layout.documentNumber);
  const checkDigit = read(layout.documentNumberCheck);
  const overflow = layout.documentNumberOverflow;
  if (checkDigit !== '<' || overflow === undefined) {
    return { documentNumber: normalizeDocumentNumber(principal), field: principal, checkDigit };
  }
  const optional = read(layout.optionalData[overflow]);
  const continuation = optional.split('<')[0];
  if (continuation.length === 0) {
    const problem = 'documentNumber check digit < is not a digit, and no continuation follows in the optional data';
    return { field: principal, checkDigit, problem };
  }
  const field = principal + continuation.slice(0, -1);
  const rest = layout.optionalData.map((slice, index) =>
    index === overflow ? optional.slice(continuation.length) : read(slice),
  );
  return { documentNumber: normalizeDocumentNumber(field), field, checkDigit: continuation.slice(-1), rest };
}

const SEX: Record<string, MrzSex> = { M: 'male', F: 'female', X: 'unspecified', '<': 'unspecified' };

/** YYMMDD; month and day may be unknown (`<<` or `00`); all fillers is an unknown date. */
function readDate(
  field: string,
  value: string,
  resolveYear: (yy: number, month: number, day: number) => number,
  problems: string[],
): PartialDate | undefined {
  if (value === '<<<<<<') return undefined;
  const parts = /^(\d\d)(\d\d|<<)(\d\d|<<)$/.exec(value);
  const month = parts ? unknownAsZero(parts[2]) : NaN;
  const day = parts ? unknownAsZero(parts[3]) : NaN;
  const yy = parts ? Number(parts[1]) : NaN;
  const year = parts ? resolveYear(yy, month, day) : NaN;
  const fits = parts && month <= 12 && (day === 0 || (month !== 0 && day <= daysInMonth(year, month)));
  if (!fits) {
    problems.push(`${field} ${value} is not a date in YYMMDD form`);
    return undefined;
  }
  return { year, month, day };
}

function unknownAsZero(digits: string): number {
  return digits === '<<' ? 0 : Number(digits);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The latest year ending in `yy` that is not after `limit`. */
function latestYearEndingIn(yy: number, limit: number): number {
  return limit - ((((limit - yy) % 100) + 100) % 100);
}

/** Nobody is born in the future: the latest such date not after today. */
function birthYear(yy: number, month: number, day: number, today: Date): number {
  const thisYear = today.getUTCFullYear();
  const year = latestYearEndingIn(yy, thisYear);
  const laterThisYear =
    year === thisYear &&
    (month > today.getUTCMonth() + 1 || (month === today.getUTCMonth() + 1 && day > today.getUTCDate()));
  return laterThisYear ? year - 100 : year;
}

/**
 * Documents are issued for at most about ten years, so an expiry lies at most
 * twenty years ahead; older ones are documents that have long expired.
 */
const EXPIRY_HORIZON_YEARS = 20;

function expiryYear(yy: number, today: Date): number {
  return latestYearEndingIn(yy, today.getUTCFullYear() + EXPIRY_HORIZON_YEARS);
}

function readCountry(field: string, code: string, problems: string[]): string | undefined {
  if (!/^[A-Z][A-Z<]{2}$/.test(code)) {
    problems.push(`${field} ${code} must be a code of letters A-Z`);
    return undefined;
  }
  return withoutFillers(code);
}

function withoutFillers(text: string): string {
  return text.replace(/^<+|<+$/g, '');
}

/** `ANNA<MARIA<<<` → `ANNA MARIA`. */
function nameText(text: string | undefined): string {
  return (text ?? '').replace(/<+/g, ' ').trim();
}
