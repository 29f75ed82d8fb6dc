import { icaoCheckDigit } from './document-number';
import { parseMrz } from './mrz';

const today = new Date('2026-05-15T12:00:00Z');
const parse = (lines: string[]) => parseMrz(lines.join('\n'), { today });

// The specimens published in ICAO Doc 9303 (Parts 4-7).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const MRV_A = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
const MRV_B = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];
/** TD1 with a 12-character number: 9 in place, the rest and its check digit in the optional data (9303-5). */
const TD1_LONG_NUMBER = [
  'I<UTOD23145890<7349<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];

/** Replaces one character: the corruption under test. */
function corrupt(lines: string[], line: number, position: number, character: string): string[] {
  return lines.map((text, index) =>
    index === line ? text.slice(0, position) + character + text.slice(position + 1) : text,
  );
}

/** A TD3 passport with the given fields and every check digit recomputed. */
function passport(fields: {
  dateOfBirth?: string;
  expiryDate?: string;
  sex?: string;
  name?: string;
  issuer?: string;
}): string[] {
  const {
    dateOfBirth = '740812',
    expiryDate = '120415',
    sex = 'F',
    name = 'ERIKSSON<<ANNA<MARIA',
    issuer = 'UTO',
  } = fields;
  const withDigit = (field: string) => field + icaoCheckDigit(field);
  const line2 =
    withDigit('L898902C3') + 'UTO' + withDigit(dateOfBirth) + sex + withDigit(expiryDate) + withDigit('ZE184226B<<<<<');
  const composite = icaoCheckDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
  return [`P<${issuer}${name}`.padEnd(44, '<'), line2 + composite];
}

describe('parseMrz reads the ICAO 9303 specimens', () => {
  const anna = { issuingCountry: 'UTO', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', valid: true, problems: [] };

  it.each([
    [
      'TD3 passport',
      TD3,
      {
        format: 'TD3',
        documentType: 'P',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        optionalData: ['ZE184226B'],
      },
    ],
    [
      'TD1 identity card',
      TD1,
      { format: 'TD1', documentType: 'I', documentNumber: 'D23145890', nationality: 'UTO', optionalData: [] },
    ],
    [
      'TD2 identity card',
      TD2,
      { format: 'TD2', documentType: 'I', documentNumber: 'D23145890', nationality: 'UTO', optionalData: [] },
    ],
    [
      'TD1 with a number longer than 9',
      TD1_LONG_NUMBER,
      { format: 'TD1', documentNumber: 'D23145890734', optionalData: [] },
    ],
  ])('%s', (_, lines, expected) => {
    const result = parse(lines);
    expect(result).toMatchObject({ ...anna, ...expected });
    expect(result.dateOfBirth).toEqual({ year: 1974, month: 8, day: 12 });
    expect(result.expiryDate).toEqual({ year: 2012, month: 4, day: 15 });
    expect(result.sex).toBe('female');
  });

  it.each([
    ['MRV-A visa', MRV_A, 'MRV-A', ['6ZE184226B']],
    ['MRV-B visa', MRV_B, 'MRV-B', []],
  ])('%s', (_, lines, format, optionalData) => {
    expect(parse(lines)).toMatchObject({
      ...anna,
      format,
      documentType: 'V',
      documentNumber: 'L8988901C',
      nationality: 'XXX',
      dateOfBirth: { year: 1940, month: 9, day: 7 },
      expiryDate: { year: 1996, month: 12, day: 10 },
      optionalData,
    });
  });

  it.each([
    ['TD3', TD3, ['documentNumber', 'dateOfBirth', 'expiryDate', 'optionalData', 'composite']],
    ['TD1', TD1, ['documentNumber', 'dateOfBirth', 'expiryDate', 'composite']],
    ['TD2', TD2, ['documentNumber', 'dateOfBirth', 'expiryDate', 'composite']],
    ['MRV-A', MRV_A, ['documentNumber', 'dateOfBirth', 'expiryDate']],
    ['MRV-B', MRV_B, ['documentNumber', 'dateOfBirth', 'expiryDate']],
  ])('%s: checks %j, all passing', (_, lines, fields) => {
    const { checks } = parse(lines);
    expect(checks.map((check) => check.field)).toEqual(fields);
    expect(checks.every((check) => check.ok)).toBe(true);
  });
});

describe('parseMrz names the field whose check digit fails', () => {
  it.each([
    [
      'TD3: document number check digit 6 → 7',
      TD3,
      1,
      9,
      '7',
      ['documentNumber check digit 7 does not match 6', 'composite check digit 0 does not match 7'],
    ],
    [
      'TD3: document number L898902C3 → L898902C4',
      TD3,
      1,
      8,
      '4',
      ['documentNumber check digit 6 does not match 7', 'composite check digit 0 does not match 1'],
    ],
    [
      'TD3: birth day 12 → 13',
      TD3,
      1,
      18,
      '3',
      ['dateOfBirth check digit 2 does not match 3', 'composite check digit 0 does not match 7'],
    ],
    [
      'TD3: expiry day 15 → 16',
      TD3,
      1,
      26,
      '6',
      ['expiryDate check digit 9 does not match 0', 'composite check digit 0 does not match 3'],
    ],
    [
      'TD3: personal number ZE184226B → ZE184227B',
      TD3,
      1,
      35,
      '7',
      ['optionalData check digit 1 does not match 4', 'composite check digit 0 does not match 3'],
    ],
    ['TD3: composite check digit 0 → 1', TD3, 1, 43, '1', ['composite check digit 1 does not match 0']],
    [
      'TD1: document number check digit 7 → 8',
      TD1,
      0,
      14,
      '8',
      ['documentNumber check digit 8 does not match 7', 'composite check digit 6 does not match 3'],
    ],
    [
      'TD1: birth day 12 → 13',
      TD1,
      1,
      5,
      '3',
      ['dateOfBirth check digit 2 does not match 3', 'composite check digit 6 does not match 3'],
    ],
    [
      'TD1: expiry day 15 → 16',
      TD1,
      1,
      13,
      '6',
      ['expiryDate check digit 9 does not match 0', 'composite check digit 6 does not match 9'],
    ],
    ['TD1: composite check digit 6 → 7', TD1, 1, 29, '7', ['composite check digit 7 does not match 6']],
    [
      'TD2: document number check digit 7 → 8',
      TD2,
      1,
      9,
      '8',
      ['documentNumber check digit 8 does not match 7', 'composite check digit 6 does not match 3'],
    ],
    [
      'TD2: document number D23145890 → D23245890',
      TD2,
      1,
      3,
      '2',
      ['documentNumber check digit 7 does not match 4', 'composite check digit 6 does not match 3'],
    ],
    [
      'TD2: birth day 12 → 22',
      TD2,
      1,
      17,
      '2',
      ['dateOfBirth check digit 2 does not match 5', 'composite check digit 6 does not match 7'],
    ],
    [
      'TD2: expiry day 15 → 25',
      TD2,
      1,
      25,
      '2',
      ['expiryDate check digit 9 does not match 2', 'composite check digit 6 does not match 3'],
    ],
    ['TD2: composite check digit 6 → 7', TD2, 1, 35, '7', ['composite check digit 7 does not match 6']],
    ['MRV-A: document number check digit 4 → 5', MRV_A, 1, 9, '5', ['documentNumber check digit 5 does not match 4']],
    ['MRV-A: birth month 09 → 01', MRV_A, 1, 16, '1', ['dateOfBirth check digit 8 does not match 2']],
    ['MRV-B: expiry check digit 9 → 0', MRV_B, 1, 27, '0', ['expiryDate check digit 0 does not match 9']],
  ])('%s', (_, lines, line, position, character, problems) => {
    const result = parse(corrupt(lines, line, position, character));
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual(problems);
    const failed = result.checks.filter((check) => !check.ok).map((check) => check.field);
    expect(failed).toEqual(problems.map((problem) => problem.split(' ')[0]));
  });

  it('still reads the fields of a scan whose check digits fail, so it can be kept with its doubts', () => {
    const result = parse(corrupt(TD3, 1, 9, '7'));
    expect(result).toMatchObject({ format: 'TD3', documentNumber: 'L898902C3', surname: 'ERIKSSON', valid: false });
  });
});

describe('parseMrz resolves two-digit years relative to today (2026-05-15)', () => {
  it.each([
    ['740812', { year: 1974, month: 8, day: 12 }],
    ['991231', { year: 1999, month: 12, day: 31 }],
    ['000101', { year: 2000, month: 1, day: 1 }],
    ['250101', { year: 2025, month: 1, day: 1 }],
    ['260515', { year: 2026, month: 5, day: 15 }],
    ['260516', { year: 1926, month: 5, day: 16 }],
    ['270101', { year: 1927, month: 1, day: 1 }],
    ['74<<<<', { year: 1974, month: 0, day: 0 }],
    ['7408<<', { year: 1974, month: 8, day: 0 }],
    ['740000', { year: 1974, month: 0, day: 0 }],
  ])('born %s → %j: nobody is born in the future', (dateOfBirth, expected) => {
    const result = parse(passport({ dateOfBirth }));
    expect(result.valid).toBe(true);
    expect(result.dateOfBirth).toEqual(expected);
  });

  it.each([
    ['120415', 2012],
    ['310101', 2031],
    ['461231', 2046],
    ['470101', 1947],
    ['991231', 1999],
  ])('expiring %s → %d: no document is valid for more than 20 years ahead', (expiryDate, year) => {
    expect(parse(passport({ expiryDate })).expiryDate?.year).toBe(year);
  });

  it('leaves a date of fillers unknown without calling it malformed', () => {
    const result = parse(passport({ dateOfBirth: '<<<<<<', expiryDate: '<<<<<<' }));
    expect(result.valid).toBe(true);
    expect(result.dateOfBirth).toBeUndefined();
    expect(result.expiryDate).toBeUndefined();
  });
});

describe('parseMrz reads the other fields', () => {
  it.each([
    ['M', 'male'],
    ['F', 'female'],
    ['X', 'unspecified'],
    ['<', 'unspecified'],
  ])('sex %s → %s', (sex, expected) => {
    expect(parse(passport({ sex })).sex).toBe(expected);
  });

  it.each([
    ['ERIKSSON<<ANNA<MARIA', 'ERIKSSON', 'ANNA MARIA'],
    ['VAN<DER<BERG<<JAN', 'VAN DER BERG', 'JAN'],
    ['MOHAMMED', 'MOHAMMED', ''],
  ])('name %s → surname %j, given names %j', (name, surname, givenNames) => {
    expect(parse(passport({ name }))).toMatchObject({ surname, givenNames, valid: true });
  });

  it('drops the fillers of a one-letter country code (Germany is D<<)', () => {
    expect(parse(passport({ issuer: 'D<<' })).issuingCountry).toBe('D');
  });

  it('tolerates CRLF line ends, blank lines and surrounding whitespace', () => {
    expect(parseMrz(`\r\n  ${TD3[0]}  \r\n\t${TD3[1]}\r\n\n`, { today })).toMatchObject({ format: 'TD3', valid: true });
  });
});

describe('parseMrz refuses malformed input without throwing', () => {
  it.each([
    [
      'empty text',
      '',
      'expected TD1 (3 lines of 30), TD2 or MRV-B (2 lines of 36), TD3 or MRV-A (2 lines of 44); got no lines',
    ],
    [
      'a line too short',
      `${TD3[0]}\n${TD3[1].slice(0, 43)}`,
      'expected TD1 (3 lines of 30), TD2 or MRV-B (2 lines of 36), TD3 or MRV-A (2 lines of 44); got 2 line(s) of 44, 43 characters',
    ],
    ['one line only', TD3[0], 'got 1 line(s) of 44 characters'],
    ['lines of different formats', `${TD3[0]}\n${TD2[1]}`, 'got 2 line(s) of 44, 36 characters'],
    ['a third line on a passport', [...TD3, TD3[1]].join('\n'), 'got 3 line(s) of 44, 44, 44 characters'],
    ['both lines on one line', TD3.join(''), 'got 1 line(s) of 88 characters'],
    ['lowercase', TD3.join('\n').toLowerCase(), 'line 1: character "p" at position 1 is not A-Z, 0-9 or <'],
    [
      'a space inside a line',
      corrupt(TD3, 1, 13, ' ').join('\n'),
      'line 2: character " " at position 14 is not A-Z, 0-9 or <',
    ],
    ['a digit in the name', corrupt(TD3, 0, 10, '5').join('\n'), 'name must contain only letters A-Z and <'],
    [
      'a digit in the issuing country',
      corrupt(TD3, 0, 4, '0').join('\n'),
      'issuingCountry UT0 must be a code of letters A-Z',
    ],
    [
      'a document type starting with a filler',
      corrupt(TD3, 0, 0, '<').join('\n'),
      'documentType << must start with a letter',
    ],
    ['sex given as Z', passport({ sex: 'Z' }).join('\n'), 'sex Z must be M, F, X or <'],
    [
      'a thirteenth month of birth',
      passport({ dateOfBirth: '741312' }).join('\n'),
      'dateOfBirth 741312 is not a date in YYMMDD form',
    ],
    ['30 February', passport({ dateOfBirth: '740230' }).join('\n'), 'dateOfBirth 740230 is not a date in YYMMDD form'],
    [
      'an expiry with letters',
      passport({ expiryDate: '12O415' }).join('\n'),
      'expiryDate 12O415 is not a date in YYMMDD form',
    ],
    [
      'a TD1 number overflowing into nothing',
      corrupt(TD1, 0, 14, '<').join('\n'),
      'documentNumber check digit < is not a digit, and no continuation follows in the optional data',
    ],
    ['not text at all', undefined as unknown as string, 'MRZ must be text'],
  ])('%s', (_, text, problem) => {
    const result = parseMrz(text, { today });
    expect(result.valid).toBe(false);
    expect(result.problems.some((p) => p.includes(problem))).toBe(true);
  });

  it('never throws on random MRZ-shaped or arbitrary text', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = (alphabet: string) => alphabet[Math.floor(random() * alphabet.length)];
    const line = (length: number, alphabet: string) => Array.from({ length }, () => pick(alphabet)).join('');
    for (let i = 0; i < 2000; i++) {
      const alphabet = i % 4 === 0 ? 'A<0 \u00e9\n' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<<';
      const shape = [
        [30, 30, 30],
        [36, 36],
        [44, 44],
        [44, 43],
      ][i % 4];
      const text = shape.map((length) => line(length, alphabet)).join('\n');
      expect(() => parseMrz(text, { today })).not.toThrow();
      expect(() => parseMrz(corrupt(TD3, 1, i % 44, pick('0123456789<ABZ')).join('\n'), { today })).not.toThrow();
    }
  });
});
