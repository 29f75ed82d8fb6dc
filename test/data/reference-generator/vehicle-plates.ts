/**
 * Registration plates as each country writes them, separators included
 * (`AB-123-CD` in France, `B-XY 1234` in Germany, `AB12 CDE` in Britain),
 * within intake's rule for identifiers (letters, digits, space . / < -).
 * Close to the current national formats, without their finer exclusions.
 */
import { Prng } from '../generator/prng';

/**
 * A plate from a pattern: `#` a digit, `1` a digit but 0, `@` one of
 * `letters`, anything else itself.
 */
function fromPattern(rng: Prng, pattern: string, letters: string): string {
  let plate = '';
  for (const symbol of pattern) {
    if (symbol === '#') plate += String(rng.int(0, 9));
    else if (symbol === '1') plate += String(rng.int(1, 9));
    else if (symbol === '@') plate += letters[rng.int(0, letters.length - 1)];
    else plate += symbol;
  }
  return plate;
}

const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Cyrillic letters that have a Latin look-alike, as Russia and Ukraine allow on plates, written in Latin. */
const CYRILLIC_LOOKALIKES_RU = 'ABEKMHOPCTYX';
const CYRILLIC_LOOKALIKES_UA = 'ABCEHIKMOPTX';

const GERMAN_DISTRICTS = [
  'B',
  'M',
  'HH',
  'K',
  'F',
  'S',
  'D',
  'DO',
  'HB',
  'L',
  'DD',
  'N',
  'H',
  'BN',
  'MZ',
  'KA',
  'E',
  'DU',
  'WI',
  'MS',
  'FFB',
  'LDS',
];
const POLISH_DISTRICTS = ['WA', 'WW', 'WPR', 'KR', 'PO', 'GD', 'WR', 'LU', 'SK', 'EL', 'DW', 'KK', 'ZS', 'BI'];
const AUSTRIAN_DISTRICTS = ['W', 'G', 'L', 'S', 'I', 'K', 'BN', 'MD', 'WU', 'GU', 'LL'];
const SWISS_CANTONS = ['ZH', 'BE', 'GE', 'VD', 'AG', 'SG', 'LU', 'TI', 'BS', 'BL', 'VS', 'FR'];
const RUSSIAN_REGIONS = ['77', '97', '99', '177', '197', '199', '777', '50', '150', '78', '98', '178', '23', '66'];

type PlateDrawer = (rng: Prng, year: number) => string;

const DRAWERS: Record<string, PlateDrawer> = {
  DEU: (rng) =>
    `${rng.pick(GERMAN_DISTRICTS)}-${fromPattern(rng, rng.pick(['@', '@@']), LATIN)} ${fromPattern(rng, rng.pick(['1', '1#', '1##', '1###']), '')}`,
  FRA: (rng) => fromPattern(rng, '@@-###-@@', 'ABCDEFGHJKLMNPQRSTVWXYZ'),
  // Area letters, then the age identifier: the year in March, the year plus 50 in September.
  GBR: (rng, year) =>
    `${fromPattern(rng, '@@', 'ABCDEFGHJKLMNOPRSTUVWXY')}${pad2(rng.chance(0.5) ? year % 100 : (year % 100) + 50)} ${fromPattern(rng, '@@@', 'ABCDEFGHJKLMNOPRSTUVWXYZ')}`,
  ITA: (rng) => fromPattern(rng, '@@ ### @@', 'ABCDEFGHJKLMNPRSTVWXYZ'),
  ESP: (rng) => fromPattern(rng, '#### @@@', 'BCDFGHJKLMNPRSTVWXYZ'),
  NLD: (rng) =>
    fromPattern(rng, rng.pick(['##-@@@-#', '#-@@@-##', '@@-###-@', '@-###-@@', '@@@-##-@']), 'BDFGHJKLNPRSTVXZ'),
  BEL: (rng) => fromPattern(rng, '1-@@@-###', LATIN),
  POL: (rng) =>
    `${rng.pick(POLISH_DISTRICTS)} ${fromPattern(rng, rng.pick(['1####', '####@', '###@@']), 'ACEFGHJKLMNPRSTUVWXY')}`,
  AUT: (rng) => `${rng.pick(AUSTRIAN_DISTRICTS)}-${fromPattern(rng, rng.pick(['1##@@', '1###@', '1####@']), LATIN)}`,
  CHE: (rng) => `${rng.pick(SWISS_CANTONS)} ${fromPattern(rng, rng.pick(['1####', '1#####', '1##']), '')}`,
  CZE: (rng) => fromPattern(rng, '1@# ####', 'ABCEHJKLMPSTUZ'),
  SWE: (rng) => fromPattern(rng, rng.pick(['@@@ ###', '@@@ ##@']), 'ABCDEFGHJKLMNOPRSTUWXYZ'),
  UKR: (rng) => fromPattern(rng, '@@ #### @@', CYRILLIC_LOOKALIKES_UA),
  RUS: (rng) => `${fromPattern(rng, '@###@@', CYRILLIC_LOOKALIKES_RU)} ${rng.pick(RUSSIAN_REGIONS)}`,
  TUR: (rng) =>
    `${pad2(rng.int(1, 81))} ${fromPattern(rng, rng.pick(['@ ####', '@@ ###', '@@@ ##']), 'ABCDEFGHJKLMNPRSTUVYZ')}`,
  USA: (rng) => fromPattern(rng, rng.pick(['1@@@###', '@@@-####', '@@@ ###', '###-@@@']), LATIN),
  CAN: (rng) => fromPattern(rng, rng.pick(['@@@@ ###', '@@@ ###', '@@@-###']), LATIN),
};

/** Where stolen vehicles are registered, with weights. */
export const REGISTRATION_COUNTRIES: readonly (readonly [string, number])[] = [
  ['DEU', 12],
  ['FRA', 12],
  ['ITA', 9],
  ['GBR', 9],
  ['ESP', 7],
  ['POL', 6],
  ['NLD', 5],
  ['BEL', 4],
  ['UKR', 4],
  ['RUS', 4],
  ['USA', 6],
  ['CAN', 2],
  ['CZE', 3],
  ['AUT', 3],
  ['CHE', 3],
  ['SWE', 3],
  ['TUR', 3],
];

export function drawPlate(rng: Prng, country: string, year: number): string {
  const drawer = DRAWERS[country];
  if (!drawer) throw new Error(`drawPlate: no plate format for ${country}`);
  return drawer(rng, year);
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
