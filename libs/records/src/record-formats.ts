/**
 * The string formats record bodies use beyond JSON Schema's own: partial
 * dates, country codes, VINs (ISO 3779 shape) and MRZs (ICAO 9303 check
 * digits). Each has the rule name clients see in `details[].rule` and a
 * message that says what is wrong.
 */
import { PARTIAL_DATE_PATTERN } from '@crosscheck/contracts';
import { checkVin, parseMrz } from '@crosscheck/resolution';
import { defineFormat } from '@crosscheck/runtime';
import { isAlpha3Country } from './iso-countries';

export const FORMATS = {
  /** `1971`, `1971-03` or `1971-03-14`, a date that exists and is not in the future. */
  pastPartialDate: 'partial-date',
  /** Like `partial-date`, but the future is allowed (expiry dates). */
  partialDate: 'partial-date-any-time',
  country: 'iso-3166-alpha-3',
  vin: 'vin',
  mrz: 'mrz',
  email: 'email-address',
} as const;

function partialDateExists(value: string): boolean {
  const match = PARTIAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1800
  );
}

defineFormat(FORMATS.pastPartialDate, {
  rule: 'isPartialDate',
  check: (value) =>
    partialDateExists(value) && new Date(`${value.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`).getTime() <= Date.now(),
  message: () => 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists and is not in the future',
});
defineFormat(FORMATS.partialDate, {
  rule: 'isPartialDate',
  check: partialDateExists,
  message: () => 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD that exists',
});
defineFormat(FORMATS.country, {
  rule: 'isISO31661Alpha3',
  check: isAlpha3Country,
  message: () => 'must be an ISO 3166-1 alpha-3 country code',
});
defineFormat(FORMATS.vin, {
  rule: 'isVin',
  check: (value) => checkVin(value).valid,
  message: (value) => `must be a VIN: ${checkVin(value).problems.join('; ')}`,
});
defineFormat(FORMATS.mrz, {
  rule: 'isMrz',
  check: (value) => parseMrz(value).valid,
  message: (value) => `must be a valid ICAO 9303 MRZ: ${parseMrz(value).problems.join('; ')}`,
});
defineFormat(FORMATS.email, {
  rule: 'isEmail',
  // One @, a local part without spaces, a domain of dotted labels: what mail systems deliver to.
  check: (value) => /^[^\s@]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(value.trim()),
  message: () => 'must be an email address such as name@example.org',
});
