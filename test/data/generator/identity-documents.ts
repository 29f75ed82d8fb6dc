/**
 * Identity documents as a person's record carries them: numbers shaped like
 * each country's passports and identity cards, and the same number written
 * the way another agency's clerk or system might (with spaces, dashes, dots).
 */
import { Prng } from './prng';

export interface IdentityDocument {
  number: string;
  type: 'passport' | 'id_card';
  issuingCountry: string;
}

/**
 * Shapes of document numbers: `#` a digit, `@` a letter, `*` a letter or digit
 * (without I, O and Q, which issuers avoid), anything else itself. Close to
 * the real formats, without their check digits (but with Spain's DNI letter).
 */
const NUMBER_SHAPES: Record<string, { passport: string; idCard?: string }> = {
  RUS: { passport: '#########' },
  BLR: { passport: '@@#######', idCard: '#######@###@@#' },
  KAZ: { passport: 'N########', idCard: '#########' },
  UKR: { passport: '@@######', idCard: '#########' },
  SYR: { passport: 'N########' },
  EGY: { passport: 'A########' },
  IRQ: { passport: '@########' },
  MAR: { passport: '@@#######', idCard: '@@######' },
  DZA: { passport: '#########' },
  TUN: { passport: '@#######' },
  JOR: { passport: '@#######' },
  LBN: { passport: 'LR#######' },
  SAU: { passport: '@########' },
  LBY: { passport: '@########' },
  YEM: { passport: '########' },
  CHN: { passport: 'E########', idCard: '##################' },
  JPN: { passport: '@@#######' },
  KOR: { passport: 'M########' },
  GRC: { passport: '@@#######', idCard: '@@######' },
  CYP: { passport: 'K########', idCard: '#########' },
  ISR: { passport: '########', idCard: '#########' },
  GBR: { passport: '#########' },
  USA: { passport: '#########' },
  IRL: { passport: '@@#######' },
  CAN: { passport: '@@######' },
  AUS: { passport: '@#######' },
  FRA: { passport: '##@@#####', idCard: '*********' },
  BEL: { passport: '@@######', idCard: '############' },
  CHE: { passport: '@#######', idCard: '@#######' },
  ESP: { passport: '@@@######', idCard: 'DNI' },
  MEX: { passport: '@########' },
  COL: { passport: '@@######' },
  ARG: { passport: '#########@' },
  PER: { passport: '#########' },
  DEU: { passport: 'C********', idCard: 'L********' },
  AUT: { passport: '@#######', idCard: '#######' },
  TUR: { passport: 'U########', idCard: '@##@#####' },
  POL: { passport: '@@#######', idCard: '@@@######' },
  NLD: { passport: '@@*******', idCard: '@@*******' },
};

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UNAMBIGUOUS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

export function documentNumber(rng: Prng, shape: string): string {
  if (shape === 'DNI') {
    const digits = rng.int(0, 99_999_999);
    return `${String(digits).padStart(8, '0')}${DNI_LETTERS[digits % 23]}`;
  }
  return [...shape]
    .map((symbol) => {
      if (symbol === '#') return String(rng.int(0, 9));
      if (symbol === '@') return rng.pick([...LETTERS]);
      if (symbol === '*') return rng.pick([...UNAMBIGUOUS]);
      return symbol;
    })
    .join('');
}

/** A person's documents: a passport more often than not, an identity card where the country issues them, sometimes none. */
export function drawDocuments(rng: Prng, country: string): IdentityDocument[] {
  const shapes = NUMBER_SHAPES[country];
  if (!shapes) throw new Error(`no document number shapes for ${country}`);
  const documents: IdentityDocument[] = [];
  if (rng.chance(0.65))
    documents.push({ number: documentNumber(rng, shapes.passport), type: 'passport', issuingCountry: country });
  if (shapes.idCard && rng.chance(0.35))
    documents.push({ number: documentNumber(rng, shapes.idCard), type: 'id_card', issuingCountry: country });
  return documents;
}

export function countriesWithDocumentShapes(): string[] {
  return Object.keys(NUMBER_SHAPES);
}

const SEPARATOR_STYLES = [[' '], ['-'], ['.'], [' ', '-'], ['-', ' ']] as const;

/**
 * The same number with separators put in, as clerks copy it from the page
 * (`AB 123-4567`, `AB.123.4567`): 1 to 3 cuts, never at either end. Stays within intake's
 * rule for identifiers (letters, digits, space . / < -) and always differs.
 */
export function withSeparators(rng: Prng, number: string): string {
  const bare = number.replace(/[^A-Za-z0-9]/g, '');
  if (bare.length < 2) throw new RangeError(`withSeparators: "${number}" is too short to separate`);
  const cutCount = Math.min(bare.length - 1, rng.int(1, 3));
  const cuts = new Set<number>();
  while (cuts.size < cutCount) cuts.add(rng.int(1, bare.length - 1));
  const style = rng.pick(SEPARATOR_STYLES);
  let written = '';
  let cutIndex = 0;
  for (let i = 0; i < bare.length; i++) {
    if (cuts.has(i)) written += style[cutIndex++ % style.length];
    written += bare[i];
  }
  // Only a number that already had these very separators can come out the same; its bare form then differs.
  return written === number ? bare : written;
}
