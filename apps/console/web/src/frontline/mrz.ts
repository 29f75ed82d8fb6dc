/**
 * Reading a travel document's machine-readable zone (ICAO 9303) as an officer
 * pastes or types it: two lines (passports, TD3; TD2 cards) or three (ID
 * cards, TD1), `<` as filler, any case and spacing. Only what a check needs:
 * the document number, the issuing country, the holder's names and birth date.
 */
export interface MrzReading {
  documentType: 'passport' | 'id_card';
  number: string;
  issuingCountry: string;
  family: string;
  given: string;
  /** YYYY-MM-DD, or undefined when the zone's date is unreadable. */
  dateOfBirth?: string;
}

export type MrzResult = { ok: true; reading: MrzReading } | { ok: false; problem: string };

export function readMrz(text: string, today = new Date()): MrzResult {
  const lines = text
    .toUpperCase()
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ''))
    .filter((line) => line.length > 0);
  if (lines.length === 2 && lines.every((line) => line.length === 44 || line.length === 36)) {
    const [first, second] = lines;
    return reading(
      first[0] === 'P' ? 'passport' : 'id_card',
      second.slice(0, 9),
      first.slice(2, 5),
      first.slice(5),
      second.slice(13, 19),
      today,
    );
  }
  if (lines.length === 3 && lines.every((line) => line.length === 30)) {
    const [first, second, third] = lines;
    return reading('id_card', first.slice(5, 14), first.slice(2, 5), third, second.slice(0, 6), today);
  }
  return {
    ok: false,
    problem: 'An MRZ is 2 lines of 44 (passport) or 36 characters, or 3 lines of 30 (ID card).',
  };
}

function reading(
  documentType: MrzReading['documentType'],
  numberField: string,
  countryField: string,
  namesField: string,
  birthField: string,
  today: Date,
): MrzResult {
  const number = numberField.replace(/</g, '');
  const issuingCountry = countryField.replace(/</g, '');
  const [familyPart, givenPart = ''] = namesField.split('<<');
  const family = familyPart.replace(/</g, ' ').trim();
  const given = givenPart.replace(/</g, ' ').trim();
  if (!number || !/^[A-Z]{3}$/.test(issuingCountry) || !family)
    return { ok: false, problem: 'The MRZ does not give a document number, an issuing country and a surname.' };
  return {
    ok: true,
    reading: { documentType, number, issuingCountry, family, given, dateOfBirth: birthDate(birthField, today) },
  };
}

/** YYMMDD, the century being the one that does not put the birth in the future. */
function birthDate(field: string, today: Date): string | undefined {
  if (!/^\d{6}$/.test(field)) return undefined;
  const [yy, mm, dd] = [field.slice(0, 2), field.slice(2, 4), field.slice(4, 6)];
  const century = Number(yy) > today.getUTCFullYear() % 100 ? 19 : 20;
  const date = `${century}${yy}-${mm}-${dd}`;
  return Number.isNaN(Date.parse(date)) ? undefined : date;
}
