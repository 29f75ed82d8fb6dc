/**
 * Works of art and cultural property (Object ID): title and object type are
 * the key fields; the maker, period and materials support or contradict.
 * Titles are compared word by word like names (any order, typos, sound),
 * without the words every title has (`the`, `of`, `with`...).
 *
 * Calibration: the same title by the same maker is a match, even misspelt;
 * another title by the same maker is not, and neither is one title by another
 * maker (`Madonna and Child` was painted a thousand times), both under 0.75.
 * A maker named on one side only (anonymous or unknown on the other) leaves the
 * title to speak alone, and titles describe more than they identify: such a
 * pair is at most a "possible", however well the rest agrees.
 */
import type { Artwork } from '@crosscheck/contracts';
import type { ContractLike } from './contract-like';
import { feature, FeatureEvidence, pairScore, PairScore, weightByDisagreement } from '../evidence';
import { compareNames, NameForm, nameFormOf, normalizeText, wordFormOf } from '../names';
import { PARTICLES } from '../names/name-tables';
import { looselyEqual } from './descriptive-fields';

/** A crosscheck.records.v1.Artwork, as resolution reads it (contract-like.ts). */
export type ArtworkLike = ContractLike<Artwork, 'title'>;

/** What resolution compares of an artwork. JSON-serialisable; empty strings mean unknown. */
export interface ArtworkFacts {
  /** Significant words of the title, with their phonetic codes. */
  title: NameForm;
  /** Absent when unknown or anonymous. Without its attribution (`circle of`...), which is kept apart. */
  maker?: NameForm;
  /** How the work is tied to the maker when not as theirs: `attributed to`, `circle of`, `workshop of`, `follower of`... */
  makerQualifier?: string;
  objectType: string;
  period: string;
  /** Significant words: `oil on canvas` → oil, canvas. */
  materials: string[];
}

/** Words in many titles (English, French, German, Italian, Spanish, Dutch), left out of title comparison and keys. */
export const TITLE_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the of and with in on at to for from by or ' +
    'le la les l un une de du des et avec au aux en sur ' +
    'der die das den dem des ein eine einer und mit im am zum zur von ' +
    'il lo gli i uno una e ed con del della dei al nel sul ' +
    'el los las y o al ' +
    'het een en van op'
  ).split(' '),
);

/** Makers that say no one is known. */
const UNKNOWN_MAKER_WORDS = new Set([
  'unknown',
  'anonymous',
  'anon',
  'unbekannt',
  'inconnu',
  'anonyme',
  'anonimo',
  'anonimous',
  'desconocido',
  'sconosciuto',
  'artist',
  'maker',
  'na',
  'n',
  'a',
]);

export function artworkFactsOf(artwork: ArtworkLike): ArtworkFacts {
  const facts: ArtworkFacts = {
    title: wordFormOf(artwork.title ?? '', TITLE_STOPWORDS),
    objectType: normalizeText(artwork.objectType ?? ''),
    period: normalizeText(artwork.period ?? ''),
    materials: [...new Set(normalizeText(artwork.materials ?? '').split(' '))].filter(
      (word) => word.length > 1 && !TITLE_STOPWORDS.has(word),
    ),
  };
  const attribution = ATTRIBUTION.exec(normalizeText(artwork.maker ?? ''));
  const maker = artwork.maker?.trim()
    ? makerFormOf(
        attribution ? normalizeText(artwork.maker).slice(attribution[0].length) : artwork.maker,
        artwork.maker,
      )
    : undefined;
  if (maker && maker.parts.some((part) => !UNKNOWN_MAKER_WORDS.has(part.text))) {
    facts.maker = maker;
    if (attribution) facts.makerQualifier = attribution[1];
  }
  return facts;
}

/** Attributions of a work to someone's hand short of theirs, as catalogues write them before the name. */
const ATTRIBUTION =
  /^(attributed to|circle of|workshop of|studio of|school of|follower of|followers of|manner of|style of|copy after|after) /;
/** How far a maker's name agreeing counts when the attributions differ: `attributed to X` is nearly X, `circle of X` is someone else. */
const ATTRIBUTION_AGREEMENT: Record<string, number> = { 'attributed to': 0.8 };
const OTHER_ATTRIBUTION_AGREEMENT = 0.5;
const PARTICLE_WORDS: ReadonlySet<string> = new Set(PARTICLES.map((particle) => normalizeText(particle)));

/**
 * The maker's name; a family name given alone with its particles (`van den
 * Heuvel`) is joined as it is within a full name (`Ruben van den Heuvel` has
 * the part `vandenheuvel`), so the two meet.
 */
function makerFormOf(name: string, written: string): NameForm {
  const words = normalizeText(name).split(' ').filter(Boolean);
  const familyOnly = words.length >= 2 && words.slice(0, -1).every((word) => PARTICLE_WORDS.has(word));
  return { ...nameFormOf(familyOnly ? words.join('') : name), written };
}

const TITLE = 0.8;
const TITLE_WHEN_DIFFERENT = 0.4;
/** An extra word in a title often makes another work (`Sunflowers`, `Vase with Fifteen Sunflowers`), so it costs more than an extra name part. */
const TITLE_EXTRA_WORD_COST = 0.35;
const MAKER = 0.5;
const MAKER_WHEN_DIFFERENT = 0.3;
/** Artists go by one name as often as by all of them (Rembrandt, Rembrandt van Rijn). */
const MAKER_SINGLE_NAME_EXTRA_COST = 0.2;
const OBJECT_TYPE_AGREES = 0.2;
const OBJECT_TYPE_DIFFERS = 0.5;
/** A maker on one side only: some evidence against, since a title alone is shared by many works. */
const MAKER_ON_ONE_SIDE_SCORE = 0.3;
const MAKER_ON_ONE_SIDE = 0.5;
const PERIOD = 0.1;
const MATERIALS = 0.1;

export function scoreArtworks(a: ArtworkFacts, b: ArtworkFacts): PairScore {
  const features: FeatureEvidence[] = [];
  const title = compareNames([a.title], [b.title], {
    extraPartCost: TITLE_EXTRA_WORD_COST,
    partLabel: 'word',
    phrase: true,
  });
  if (title)
    features.push(
      feature('title', title.score, weightByDisagreement(title.score, TITLE, TITLE_WHEN_DIFFERENT), title.detail),
    );
  const maker = a.maker && b.maker ? makerAgreement(a, b) : undefined;
  if (maker)
    features.push(
      feature('maker', maker.score, weightByDisagreement(maker.score, MAKER, MAKER_WHEN_DIFFERENT), maker.detail),
    );
  else if (a.maker || b.maker) {
    const named = (a.maker ?? b.maker)!.parts.map((part) => part.text).join(' ');
    features.push(
      feature(
        'maker',
        MAKER_ON_ONE_SIDE_SCORE,
        MAKER_ON_ONE_SIDE,
        `maker ${named} on one side, unknown or anonymous on the other`,
      ),
    );
  }
  if (a.objectType && b.objectType) {
    features.push(
      looselyEqual(a.objectType, b.objectType)
        ? feature('object_type', 1, OBJECT_TYPE_AGREES, `both ${a.objectType}`)
        : feature('object_type', 0, OBJECT_TYPE_DIFFERS, `${a.objectType} vs ${b.objectType}`),
    );
  }
  if (a.period && b.period) {
    features.push(
      periodsAgree(a.period, b.period)
        ? feature('period', 1, PERIOD, `${a.period} ≈ ${b.period}`)
        : feature('period', 0.3, PERIOD, `${a.period} vs ${b.period}`),
    );
  }
  if (a.materials.length && b.materials.length) {
    const shared = a.materials.filter((word) => b.materials.includes(word));
    features.push(
      shared.length
        ? feature('materials', 1, MATERIALS, `both ${shared.join(', ')}`)
        : feature('materials', 0.3, MATERIALS, `${a.materials.join(', ')} vs ${b.materials.join(', ')}`),
    );
  }
  return pairScore(features);
}

/** The makers' names compared; an attribution on one side only, or another one, caps the agreement. */
function makerAgreement(a: ArtworkFacts, b: ArtworkFacts): { score: number; detail: string } | undefined {
  const names = compareNames([a.maker!], [b.maker!], { singlePartExtraCost: MAKER_SINGLE_NAME_EXTRA_COST });
  if (!names || (a.makerQualifier ?? '') === (b.makerQualifier ?? '')) return names;
  const qualifier = a.makerQualifier ?? b.makerQualifier!;
  const cap =
    a.makerQualifier && b.makerQualifier
      ? OTHER_ATTRIBUTION_AGREEMENT
      : (ATTRIBUTION_AGREEMENT[qualifier] ?? OTHER_ATTRIBUTION_AGREEMENT);
  return {
    score: Math.min(names.score, cap),
    detail: `${names.detail}; ${a.makerQualifier ?? 'by the maker'} vs ${b.makerQualifier ?? 'by the maker'}`,
  };
}

const CENTURY = /\b(\d{1,2})(?:st|nd|rd|th) century\b(?: (bc|bce))?/;
const YEAR = /\b(\d{3,4})\b/;
/** How far `c. 1650` reaches either side. */
const CIRCA_YEARS = 15;

/** The years a period covers: `19th century` → 1800-1899, `c 1650` → 1635-1665, `4th century bc` → -399..-300; undefined when it names none. */
function yearsOf(period: string): [number, number] | undefined {
  const century = CENTURY.exec(period);
  if (century) {
    const n = Number(century[1]);
    return century[2] ? [-n * 100 + 1, -(n - 1) * 100] : [(n - 1) * 100, n * 100 - 1];
  }
  const year = YEAR.exec(period);
  if (!year) return undefined;
  const circa = /\b(c|ca|circa|about)\b/.test(period) ? CIRCA_YEARS : 0;
  return [Number(year[1]) - circa, Number(year[1]) + circa];
}

/** Periods whose years overlap (`c 1894` lies in the `19th century`); otherwise the same words. Not by spelling: `18th` and `19th century` are close in letters only. */
function periodsAgree(a: string, b: string): boolean {
  const yearsA = yearsOf(a);
  const yearsB = yearsOf(b);
  if (yearsA && yearsB) return yearsA[0] <= yearsB[1] && yearsB[0] <= yearsA[1];
  return a === b || a.startsWith(`${b} `) || b.startsWith(`${a} `);
}
